// SPDX-License-Identifier: MIT
#include "allsourcesmodel.h"

#include "desk.h"
#include "notificationmodel.h"

#include <QTimer>

#include <algorithm>
#include <numeric>

namespace Notify::Tray {

AllSourcesModel::AllSourcesModel(Desk *desk, QObject *parent)
    : QAbstractTableModel(parent)
    , m_desk(desk)
    , m_follow(new QTimer(this))
{
    m_follow->setSingleShot(true);
    m_follow->setInterval(FollowIntervalMs);
    connect(m_follow, &QTimer::timeout, this, &AllSourcesModel::rebuild);
    connect(m_desk, &Desk::sourcesChanged, this, [this] {
        watch();
        rebuild();
    });
    watch();
    rebuild();
}

void AllSourcesModel::watch()
{
    for (DesktopSession *session : m_desk->sessions()) {
        NotificationModel *model = session->notifications();
        if (model->property("notify.allSourcesWatched").toBool())
            continue;
        model->setProperty("notify.allSourcesWatched", true);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this, model](const QModelIndex &, int first, int last) { followInserted(model, first, last); });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this, model](const QModelIndex &, int first, int last) { followRemoved(model, first, last); });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this, model](const QModelIndex &, int start, int end, const QModelIndex &, int destination) {
                    followMoved(model, start, end, destination);
                });
        // A source rebuilt or re-laid out: where its rows are is not known row by row any more.
        const auto untracked = [this] {
            m_untracked = true;
            later();
        };
        connect(model, &QAbstractItemModel::modelReset, this, untracked);
        connect(model, &QAbstractItemModel::layoutChanged, this, untracked);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this, model](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    followChanged(model, topLeft.row(), bottomRight.row());
                });
    }
}

void AllSourcesModel::later()
{
    if (!m_follow->isActive())
        m_follow->start();
}

int AllSourcesModel::sourceOf(const NotificationModel *model) const
{
    return m_desk->indexOf(qobject_cast<DesktopSession *>(model->parent()));
}

void AllSourcesModel::followInserted(const NotificationModel *model, int first, int last)
{
    const int source = sourceOf(model);
    if (source < 0) {
        later();
        return;
    }
    // The rows below move down, also while a rebuild is due: until it comes, the rows
    // shown must still be the ones they were.
    const int count = last - first + 1;
    for (Ref &ref : m_refs) {
        if (ref.source == source && ref.row >= first)
            ref.row += count;
    }
    if (first != 0 || m_follow->isActive()) {
        later();
        return;
    }
    // The usual case: all of them newer than every row here (a stream's batch). One range.
    const qint64 oldest = model->item(last).createdAt.toMSecsSinceEpoch();
    if (m_refs.isEmpty() || m_refs.constFirst().created <= oldest) {
        beginInsertRows({}, 0, count - 1);
        for (int row = last; row >= first; --row) { // QList makes room at its front once
            const NotificationItem &item = model->item(row);
            m_refs.prepend(Ref{ source, row, item.id, item.createdAt.toMSecsSinceEpoch() });
        }
        endInsertRows();
        return;
    }
    for (int row = last; row >= first; --row) { // the oldest of them first: the newest ends on top
        const NotificationItem &item = model->item(row);
        const qint64 created = item.createdAt.toMSecsSinceEpoch();
        const auto at = std::lower_bound(m_refs.cbegin(), m_refs.cend(), created,
                                         [](const Ref &ref, qint64 t) { return ref.created > t; });
        const int position = int(at - m_refs.cbegin());
        beginInsertRows({}, position, position);
        m_refs.insert(position, Ref{ source, row, item.id, created });
        endInsertRows();
    }
}

void AllSourcesModel::followRemoved(const NotificationModel *model, int first, int last)
{
    const int source = sourceOf(model);
    if (source < 0) {
        later();
        return;
    }
    const int count = last - first + 1;
    const bool pending = m_follow->isActive();
    for (int i = int(m_refs.size()) - 1; i >= 0; --i) {
        Ref &ref = m_refs[i];
        if (ref.source != source || ref.row < first)
            continue;
        if (ref.row > last) {
            ref.row -= count;
            continue;
        }
        if (pending) {
            ref.row = -1; // gone: shown empty until the rebuild drops it
            continue;
        }
        beginRemoveRows({}, i, i);
        m_refs.removeAt(i);
        endRemoveRows();
    }
}

void AllSourcesModel::followMoved(const NotificationModel *model, int start, int end, int destination)
{
    later();
    const int source = sourceOf(model);
    if (source < 0)
        return;
    const int count = end - start + 1;
    // Where rows start..end went, and which rows made room for them.
    const int newStart = destination < start ? destination : destination - count;
    for (Ref &ref : m_refs) {
        if (ref.source != source || ref.row < 0)
            continue;
        if (ref.row >= start && ref.row <= end)
            ref.row = newStart + (ref.row - start);
        else if (destination < start && ref.row >= destination && ref.row < start)
            ref.row += count;
        else if (destination > end && ref.row > end && ref.row < destination)
            ref.row -= count;
    }
}

void AllSourcesModel::followChanged(const NotificationModel *model, int first, int last)
{
    if (m_refs.isEmpty())
        return;
    const int source = sourceOf(model);
    int top = -1;
    int bottom = -1;
    bool retimed = false;
    // While a rebuild is due, a row here may point at another notification's row: only
    // the looks are said, the rebuild does the rest.
    const bool pending = m_follow->isActive();
    for (int row = 0; row < m_refs.size(); ++row) {
        Ref &ref = m_refs[row];
        if (ref.source == source && ref.row >= first && ref.row <= last) {
            top = top < 0 ? row : top;
            bottom = row;
            if (pending)
                continue;
            // A group's row is its newest member's: the id it goes by may be a new one.
            const NotificationItem &item = model->item(ref.row);
            ref.id = item.id;
            retimed = retimed || item.createdAt.toMSecsSinceEpoch() != ref.created;
        }
    }
    if (top >= 0)
        emit dataChanged(index(top, 0), index(bottom, ColumnCount - 1));
    if (retimed)
        later();
}

void AllSourcesModel::follow()
{
    m_follow->stop();
    rebuild();
}

void AllSourcesModel::rebuild()
{
    // After this the list is exact again, whatever happened before.
    const bool untracked = std::exchange(m_untracked, false);
    QList<Ref> refs;
    QList<qint64> created;
    for (int s = 0; s < m_desk->count(); ++s) {
        const NotificationModel *model = m_desk->session(s)->notifications();
        for (int row = 0; row < model->rowCount(); ++row) {
            const NotificationItem &item = model->item(row);
            created.append(item.createdAt.toMSecsSinceEpoch()); // as numbers: the sort compares each many times
            refs.append({ s, row, item.id, created.constLast() });
        }
    }
    // Newest first across sources; each source's own order (newest first) stays within equal times.
    QList<qsizetype> order(refs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return created[a] > created[b]; });
    QList<Ref> sorted;
    sorted.reserve(refs.size());
    for (const qsizetype i : std::as_const(order))
        sorted << refs.at(i);
    const auto sameItem = [](const Ref &a, const Ref &b) { return a.source == b.source && a.id == b.id; };
    // The usual change: new notifications on top of what was there. They are inserted; the rest stay.
    const qsizetype added = sorted.size() - m_refs.size();
    if (added > 0 && std::equal(m_refs.cbegin(), m_refs.cend(), sorted.cbegin() + added, sameItem)) {
        beginInsertRows({}, 0, int(added) - 1);
        m_refs = std::move(sorted);
        endInsertRows();
        return;
    }
    if (added == 0 && std::equal(m_refs.cbegin(), m_refs.cend(), sorted.cbegin(), sameItem)) {
        m_refs = std::move(sorted); // the same rows (their places in their sources may have moved)
        return;
    }
    // The same rows in another order (groups that took new members went up): a layout change, so that
    // the view keeps its selection and current row. Rows are known by their places in their sources,
    // which the row signals kept up to date.
    if (added == 0 && !untracked) {
        const auto key = [](const Ref &ref) { return (quint64(quint32(ref.source)) << 32) | quint32(ref.row); };
        QHash<quint64, int> newRow;
        newRow.reserve(sorted.size());
        for (int i = 0; i < sorted.size(); ++i)
            newRow.insert(key(sorted.at(i)), i);
        const bool same = newRow.size() == sorted.size()
            && std::all_of(m_refs.cbegin(), m_refs.cend(),
                           [&](const Ref &r) { return r.row >= 0 && newRow.contains(key(r)); });
        if (same) {
            emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
            const QModelIndexList before = persistentIndexList();
            QModelIndexList after;
            after.reserve(before.size());
            for (const QModelIndex &old : before)
                after << index(newRow.value(key(m_refs.at(old.row()))), old.column());
            m_refs = std::move(sorted);
            changePersistentIndexList(before, after);
            emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
            return;
        }
    }
    beginResetModel();
    m_refs = std::move(sorted);
    endResetModel();
}

int AllSourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_refs.size());
}

int AllSourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

DesktopSession *AllSourcesModel::sessionAt(int row) const
{
    if (row < 0 || row >= m_refs.size() || m_refs.at(row).source >= m_desk->count())
        return nullptr;
    return m_desk->session(m_refs.at(row).source);
}

QModelIndex AllSourcesModel::sourceIndex(const QModelIndex &index) const
{
    const DesktopSession *session = sessionAt(index.row());
    if (!session)
        return {};
    const NotificationModel *model = session->notifications();
    const Ref &ref = m_refs.at(index.row());
    // The row the notification is in now: where the list last saw it, unless its source moved it since
    // (a rebuild is then due); gone meanwhile: nothing, until the rebuild drops it.
    int row = ref.row;
    if (row < 0 || row >= model->rowCount() || model->item(row).id != ref.id)
        row = model->rowOf(ref.id).value_or(-1);
    if (row < 0)
        return {};
    return model->index(row, notificationColumn(index.column()));
}

int AllSourcesModel::notificationColumn(int column)
{
    switch (Column(column)) {
    case SourceColumn:
    case TitleColumn:
        return NotificationModel::TitleColumn;
    case LevelColumn:
        return NotificationModel::LevelColumn;
    case CategoryColumn:
        return NotificationModel::CategoryColumn;
    case TimeColumn:
    case ColumnCount:
        break;
    }
    return NotificationModel::TimeColumn;
}

QVariant AllSourcesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_refs.size())
        return {};
    const DesktopSession *session = sessionAt(index.row());
    if (!session)
        return {};
    if (role == SourceNameRole)
        return Desk::nameOf(session);
    if (role == SourceIndexRole)
        return m_refs.at(index.row()).source;
    const QModelIndex source = sourceIndex(index);
    if (index.column() == SourceColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return Desk::nameOf(session);
        case Qt::DecorationRole:
            return {};
        default:
            break;
        }
    }
    return source.data(role);
}

QVariant AllSourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == SourceColumn)
        return tr("Source");
    if (section < 0 || section >= ColumnCount)
        return {};
    return NotificationModel::columnTitle(notificationColumn(section));
}

} // namespace Notify::Tray
