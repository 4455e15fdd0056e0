// SPDX-License-Identifier: MIT
#include "ordermodel.h"

#include <algorithm>

#include "displaytext.h"
#include "levelicons.h"

#include <QFont>
#include <QLocale>

namespace Notify::Tray {

using namespace Notify::Protocol;

OrderModel::OrderModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int OrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int OrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_orders.size())
        return {};
    const OrderStatus &o = m_orders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OrderColumn:
            return o.orderId;
        case StatusColumn:
            return DisplayText::orderStatusName(o);
        case UpdatedColumn:
            return DisplayText::eventTime(o.updatedAt, QDateTime::currentDateTimeUtc());
        case NoteColumn:
            return o.note;
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? QVariant(LevelIcons::color(o.status)) : QVariant();
    case Qt::FontRole:
        if (index.column() == StatusColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(LevelIcons::dot(LevelIcons::color(o.status))) : QVariant();
    case OrderIdRole:
        return o.orderId;
    case StatusRole:
        return int(o.status);
    case UpdatedRole:
        return o.updatedAt;
    case DoneRole:
        return isDone(o);
    case NoteRole:
        return o.note;
    case Qt::ToolTipRole:
        return index.column() == UpdatedColumn ? QLocale().toString(o.updatedAt.toLocalTime(), QLocale::LongFormat)
                                               : QString();
    default:
        return {};
    }
}

QVariant OrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrderColumn:
        return tr("Order");
    case StatusColumn:
        return tr("Status");
    case UpdatedColumn:
        return tr("Updated");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

bool OrderModel::isDone(const OrderStatus &order)
{
    return order.unlistedStatus.isEmpty()
        && (order.status == OrderState::Delivered || order.status == OrderState::Cancelled
            || order.status == OrderState::Refunded);
}

namespace {

/// Adds @p status to an order's timeline, in the order of the changes: a
/// change that arrives late (the snapshot before the stream's batch) goes
/// where it belongs, and one already there is not added twice.
bool remember(QList<OrderStatus> &history, const OrderStatus &status)
{
    const auto same = [&status](const OrderStatus &o) {
        return o.updatedAt == status.updatedAt && o.statusName() == status.statusName();
    };
    if (std::any_of(history.cbegin(), history.cend(), same))
        return false;
    if (!status.updatedAt.isValid()) {
        history.append(status);
        return true;
    }
    const auto at
        = std::upper_bound(history.begin(), history.end(), status, [](const OrderStatus &a, const OrderStatus &b) {
              return b.updatedAt.isValid() && a.updatedAt < b.updatedAt;
          });
    history.insert(at, status);
    return true;
}

} // namespace

void OrderModel::apply(const QList<OrderStatus> &statuses)
{
    QList<OrderStatus> fresh;
    QHash<QString, qsizetype> freshRow;
    QStringList changed;
    for (const OrderStatus &status : statuses) {
        if (remember(m_history[status.orderId], status) && !changed.contains(status.orderId))
            changed << status.orderId;
        if (const auto f = freshRow.constFind(status.orderId); f != freshRow.constEnd()) {
            if (!fresh.at(*f).updatedAt.isValid() || status.updatedAt >= fresh.at(*f).updatedAt)
                fresh[*f] = status;
            continue;
        }
        const auto it = m_rowOf.constFind(status.orderId);
        if (it == m_rowOf.constEnd()) {
            freshRow.insert(status.orderId, fresh.size());
            fresh.append(status);
            continue;
        }
        // An update older than what is shown (a late replay) only goes into the history.
        if (m_orders.at(*it).updatedAt.isValid() && status.updatedAt < m_orders.at(*it).updatedAt)
            continue;
        m_orders[*it] = status;
        emit dataChanged(index(int(*it), 0), index(int(*it), ColumnCount - 1));
    }
    if (!changed.isEmpty())
        emit historyChanged(changed);
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_orders.size()), int(m_orders.size() + fresh.size() - 1));
    for (const OrderStatus &status : std::as_const(fresh)) {
        m_rowOf.insert(status.orderId, m_orders.size());
        m_orders.append(status);
    }
    endInsertRows();
}

void OrderModel::reset(const QList<OrderStatus> &orders)
{
    beginResetModel();
    m_orders.clear();
    m_rowOf.clear();
    for (const OrderStatus &o : orders) {
        if (m_rowOf.contains(o.orderId))
            continue;
        m_rowOf.insert(o.orderId, m_orders.size());
        m_orders.append(o);
        remember(m_history[o.orderId], o);
    }
    endResetModel();
}

QList<OrderStatus> OrderModel::history(const QString &orderId) const
{
    return m_history.value(orderId);
}

} // namespace Notify::Tray
