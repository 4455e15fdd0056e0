// SPDX-License-Identifier: MIT
#include "allsourcespage.h"

#include "core/allsourcesmodel.h"
#include "core/desk.h"
#include "core/displaytext.h"
#include "core/notificationmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Notify::Tray {

namespace {

/// The filters of the page: a source, words in the title or the body, unread only.
class AllSourcesFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set(const QString &source, const QString &text, bool unreadOnly)
    {
        m_source = source;
        m_text = text.trimmed();
        m_unreadOnly = unreadOnly;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, AllSourcesModel::TitleColumn, parent);
        if (!m_source.isEmpty() && index.data(AllSourcesModel::SourceNameRole).toString() != m_source)
            return false;
        if (m_unreadOnly && index.data(NotificationModel::ReadRole).toBool())
            return false;
        if (!m_text.isEmpty()
            && !index.data(NotificationModel::TitleRole).toString().contains(m_text, Qt::CaseInsensitive)
            && !index.data(NotificationModel::BodyRole).toString().contains(m_text, Qt::CaseInsensitive))
            return false;
        return true;
    }

private:
    QString m_source;
    QString m_text;
    bool m_unreadOnly = false;
};

} // namespace

AllSourcesPage::AllSourcesPage(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_model(new AllSourcesModel(desk, this))
    , m_filter(new AllSourcesFilter(this))
    , m_search(new QLineEdit)
    , m_source(new QComboBox)
    , m_unreadOnly(new QCheckBox(tr("&Unread only")))
    , m_view(new QTableView)
    , m_empty(new QLabel)
{
    m_filter->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Search every source (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search every source"));
    m_search->setClearButtonEnabled(true);
    m_source->setAccessibleName(tr("Show the notifications of"));
    m_view->setModel(m_filter);
    m_view->setAccessibleName(tr("Notifications of every source"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(AllSourcesModel::TitleColumn, QHeaderView::Stretch);
    // The Source column as wide as the longest name (not measured again at every new row).
    const auto fitSources = [this] {
        QFont boldFont = font();
        boldFont.setBold(true);
        int widest = QFontMetrics(boldFont).horizontalAdvance(tr("Source"));
        for (const DesktopSession *session : m_desk->sessions())
            widest = std::max(widest, QFontMetrics(boldFont).horizontalAdvance(Desk::nameOf(session)));
        m_view->horizontalHeader()->resizeSection(AllSourcesModel::SourceColumn, widest + 24);
    };
    fitSources();
    connect(m_desk, &Desk::sourcesChanged, this, fitSources);
    // The longest level, bold (unread), after its icon: never cut to "Informat…".
    QFont bold = font();
    bold.setBold(true);
    m_view->horizontalHeader()->resizeSection(
        AllSourcesModel::LevelColumn,
        QFontMetrics(bold).horizontalAdvance(DisplayText::levelName(Notify::Protocol::Level::Info)) + 72);
    // A time of yesterday, the longest the Time column says.
    m_view->horizontalHeader()->resizeSection(
        AllSourcesModel::TimeColumn,
        QFontMetrics(bold).horizontalAdvance(
            DisplayText::eventTime(QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc()))
            + 24);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_source);
    bar->addWidget(m_unreadOnly);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);
    m_view->setToolTip(tr("Enter opens a notification in its source; R marks the selected ones read."));

    const auto apply = [this] {
        static_cast<AllSourcesFilter *>(m_filter)->set(m_source->currentIndex() > 0 ? m_source->currentText()
                                                                                    : QString(),
                                                       m_search->text(), m_unreadOnly->isChecked());
        const bool none = m_filter->rowCount() == 0;
        m_empty->setVisible(none);
        m_empty->setText(m_model->rowCount() == 0 ? tr("No notifications from any source yet.")
                                                  : tr("No notification matches the filters."));
    };
    connect(m_search, &QLineEdit::textChanged, this, apply);
    connect(m_source, &QComboBox::currentIndexChanged, this, apply);
    connect(m_unreadOnly, &QCheckBox::toggled, this, apply);
    connect(m_model, &QAbstractItemModel::modelReset, this, apply);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this] { m_empty->setVisible(m_filter->rowCount() == 0); });
    connect(m_desk, &Desk::sourcesChanged, this, &AllSourcesPage::refreshSources);
    connect(m_view, &QAbstractItemView::activated, this, &AllSourcesPage::openCurrent);

    auto *open = new QAction(tr("Open in its source"), this);
    open->setShortcuts({ QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) });
    open->setShortcutContext(Qt::WidgetShortcut);
    connect(open, &QAction::triggered, this, &AllSourcesPage::openCurrent);
    m_view->addAction(open);
    auto *read = new QAction(tr("Mark read"), this);
    read->setShortcut(Qt::Key_R);
    read->setShortcutContext(Qt::WidgetShortcut);
    connect(read, &QAction::triggered, this, &AllSourcesPage::markSelectedRead);
    m_view->addAction(read);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &AllSourcesPage::focusSearch);
    addAction(find);
    refreshSources();
    apply();
}

void AllSourcesPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void AllSourcesPage::refreshSources()
{
    const QString chosen = m_source->currentIndex() > 0 ? m_source->currentText() : QString();
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"));
    for (const DesktopSession *session : m_desk->sessions())
        m_source->addItem(Desk::nameOf(session));
    const int again = m_source->findText(chosen);
    m_source->setCurrentIndex(again > 0 ? again : 0);
}

void AllSourcesPage::openCurrent()
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (!current.isValid())
        return;
    if (DesktopSession *session = m_model->sessionAt(current.row()))
        emit openRequested(session, current.data(NotificationModel::IdRole).toString());
}

void AllSourcesPage::markSelectedRead()
{
    // Each at its own source.
    QHash<DesktopSession *, QStringList> bySource;
    for (const QModelIndex &selected : m_view->selectionModel()->selectedRows()) {
        const QModelIndex index = m_filter->mapToSource(selected);
        if (DesktopSession *session = m_model->sessionAt(index.row());
            session && !index.data(NotificationModel::ReadRole).toBool())
            bySource[session] << index.data(NotificationModel::MemberIdsRole).toStringList();
    }
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it)
        it.key()->markRead(it.value());
}

} // namespace Notify::Tray
