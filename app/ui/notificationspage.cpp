// SPDX-License-Identifier: MIT
#include "notificationspage.h"

#include "columnwidths.h"
#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "emptystate.h"
#include "inlinenotice.h"
#include "notificationdelegate.h"
#include "notificationdetails.h"
#include "notificationfilterbar.h"
#include "readingtracker.h"
#include "scrollanchor.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Notify::Tray {

using Notify::Protocol::Level;

NotificationsPage::NotificationsPage(DesktopSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new NotificationFilterModel(this))
    , m_view(new QTableView)
    , m_details(new NotificationDetails)
    , m_notice(new InlineNotice)
    , m_actionsTimer(new QTimer(this))
    , m_older(new QPushButton(tr("Load &older notifications")))
{
    m_filter->setSourceModel(session->notifications());
    // Before the view's selection model connects to the list (see ReadingTracker).
    m_reading = new ReadingTracker(session, m_filter, m_details, this);
    buildActions();

    m_view->setModel(m_filter);
    m_reading->watch(m_view);
    m_view->setItemDelegate(new NotificationDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTabKeyNavigation(false); // Tab moves on to the next control, not the next cell
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // the new-rows logic counts rows
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(NotificationDelegate::rowHeight(m_view->font()));
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Notifications"));
    m_view->setAccessibleDescription(tr("Newest first; each row says whether it is unread and its level"));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(NotificationModel::TitleColumn, QHeaderView::Stretch);
    // Sized for their longest text ("Yesterday 14:03", "Information"), not for what happens to be in view.
    const QFontMetrics metrics(m_view->font());
    header->setSectionResizeMode(NotificationModel::LevelColumn, QHeaderView::Interactive);
    header->resizeSection(NotificationModel::LevelColumn,
                          metrics.horizontalAdvance(DisplayText::levelName(Level::Info)) + 48);
    // The category as wide as the categories there are (refreshCategories()), the title gets the rest.
    header->setSectionResizeMode(NotificationModel::CategoryColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(NotificationModel::TimeColumn, QHeaderView::Interactive);
    header->resizeSection(NotificationModel::TimeColumn, ColumnWidths::eventTime(metrics));
    new EmptyState(m_view, [this] {
        return m_filter->isFiltering()
            ? tr("Nothing here matches the filters.\nClear the search or choose \"All levels\" and \"All categories\".")
            : tr("No notifications yet.\nNew ones appear here the moment they happen.");
    });
    m_anchor = new ScrollAnchor(m_view);
    m_bar = new NotificationFilterBar(session, m_filter, m_unreadOnly, m_waitingOnly, m_markShownRead, this);
    connect(m_bar, &NotificationFilterBar::filtersChanged, this, &NotificationsPage::updateActions);
    connect(m_bar, &NotificationFilterBar::categoriesChanged, this, &NotificationsPage::fitCategoryColumn);
    connect(m_bar, &NotificationFilterBar::listRequested, this, [this] {
        // From the search box into the list, on its first row unless one is chosen.
        m_view->setFocus(Qt::TabFocusReason);
        if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_view->setCurrentIndex(m_filter->index(0, 0));
    });

    QPushButton *older = m_older;
    older->setObjectName(QStringLiteral("loadOlder"));
    older->setAccessibleDescription(tr("Fetches notifications older than those listed from the server"));
    connect(older, &QPushButton::clicked, m_loadOlder, &QAction::trigger);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(older, 0, Qt::AlignLeft);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_details);
    // The list is what staff scan: two thirds, the pane the rest.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    setTabOrder(m_bar->lastInTabOrder(), m_view);
    setTabOrder(m_view, older);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NotificationsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NotificationsPage::updateActions);
    // What the actions say follows rows coming and going once per event-loop
    // pass, not once per range a filter pass removes (a search over 10,000
    // rows is hundreds of them, and each would count the shown rows again);
    // everything else at once.
    m_actionsTimer->setSingleShot(true);
    connect(m_actionsTimer, &QTimer::timeout, this, &NotificationsPage::updateActions);
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_filter, signal, this, [this] { m_actionsTimer->start(0); });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &NotificationsPage::updateActions);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &NotificationsPage::updateActions);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &NotificationsPage::updateActions);
    // The counts change without rows changing too (beyond the list, or counted before its rows came).
    connect(m_session->notifications(), &NotificationModel::unreadCountChanged, this,
            &NotificationsPage::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_openLink);
        menu.addAction(m_markRead);
        menu.addAction(m_markUnread);
        menu.addAction(m_copy);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // The pane's buttons: the user decided about this one; the moment has nothing left to do.
    connect(m_details, &NotificationDetails::markReadRequested, this, [this](const QStringList &ids) {
        m_reading->settle(ids);
        m_session->markRead(ids);
    });
    connect(m_details, &NotificationDetails::markUnreadRequested, this, [this](const QStringList &ids) {
        m_reading->settle(ids);
        m_session->markUnread(ids);
    });
    connect(m_details, &NotificationDetails::copyRequested, this, &NotificationsPage::copySelected);
    connect(m_details, &NotificationDetails::claimRequested, m_session, &DesktopSession::claim);
    connect(m_details, &NotificationDetails::releaseRequested, m_session, &DesktopSession::release);
    connect(m_session, &DesktopSession::olderLoaded, this, &NotificationsPage::loadOlderFinished);
    // What the server refused, or has not taken yet, is said here, where the user acted.
    using Action = RestActions::Action;
    const auto here = [](Action action) {
        return action == Action::Read || action == Action::Unread || action == Action::ReadAll
            || action == Action::LoadOlder || action == Action::Claim;
    };
    connect(m_session, &DesktopSession::actionFailed, this, [this, here](Action action, const QString &message) {
        if (here(action))
            m_notice->say(message);
    });
    connect(m_session->actions(), &RestActions::waiting, this, [this, here](Action action, const QString &message) {
        if (here(action))
            m_notice->say(message);
    });
    connect(m_session->actions(), &RestActions::offersChanged, this, &NotificationsPage::updateActions);
    connect(m_loadOlder, &QAction::triggered, older, [this, older] {
        m_olderLoading = true;
        older->setEnabled(false);
        older->setText(tr("Loading…"));
    });
    fitCategoryColumn({});
    m_bar->refreshCategories();
    updateActions();
}

void NotificationsPage::buildActions()
{
    m_markRead = new QAction(tr("Mark &read"), this);
    m_markRead->setShortcut(Qt::Key_M);
    m_markUnread = new QAction(tr("Mark &unread"), this);
    m_markUnread->setShortcut(Qt::SHIFT | Qt::Key_M);
    m_markShownRead = new QAction(this);
    m_markShownRead->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    m_openLink = new QAction(tr("&Open link"), this);
    m_openLink->setShortcut(Qt::ALT | Qt::Key_Return);
    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_unreadOnly = new QAction(tr("U&nread only"), this);
    m_unreadOnly->setCheckable(true);
    m_unreadOnly->setShortcut(Qt::CTRL | Qt::Key_U);
    m_loadOlder = new QAction(tr("Load &older notifications"), this);
    m_claim = new QAction(tr("Cla&im"), this);
    m_claim->setShortcut(Qt::Key_C);
    m_claim->setToolTip(tr("Take it on: colleagues see that you handle it (C)"));
    m_release = new QAction(tr("R&elease claim"), this);
    m_release->setShortcut(Qt::SHIFT | Qt::Key_C);
    m_waitingOnly = new QAction(tr("&Waiting for someone"), this);
    m_waitingOnly->setCheckable(true);
    m_waitingOnly->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_W);
    m_waitingOnly->setToolTip(tr("Shows only what nobody has claimed (Ctrl+Shift+W)"));
    // Single keys act on the list only (typing "m" in the search box is typing).
    for (QAction *action : { m_markRead, m_markUnread, m_openLink, m_copy, m_claim, m_release })
        action->setShortcutContext(Qt::WidgetShortcut);
    m_view->addActions({ m_markRead, m_markUnread, m_openLink, m_copy, m_claim, m_release });
    // The current row's newest notification is the one taken on.
    connect(m_claim, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && current.data(NotificationModel::ClaimedByRole).toString().isEmpty())
            m_session->claim(current.data(NotificationModel::IdRole).toString());
    });
    connect(m_release, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && current.data(NotificationModel::ClaimedByRole).toString() == m_session->me())
            m_session->release(current.data(NotificationModel::IdRole).toString());
    });
    connect(m_markRead, &QAction::triggered, this, [this] {
        QStringList all, unread;
        selectedIds(&all, &unread);
        m_reading->settle(all);
        m_session->markRead(unread);
    });
    connect(m_markUnread, &QAction::triggered, this, [this] {
        QStringList all, unread, read;
        selectedIds(&all, &unread, &read);
        m_reading->settle(all); // unread on purpose: not read again in a moment
        m_session->markUnread(read);
    });
    connect(m_markShownRead, &QAction::triggered, this, [this] {
        if (m_filter->isFiltering()) {
            m_session->markRead(m_filter->shownUnreadIds());
            return;
        }
        // More unread on the server than the list holds: say how many, and ask.
        // (A server without "read all" gets the listed ones marked, one by one: nothing more to ask.)
        NotificationModel *model = m_session->notifications();
        const int loaded = model->loadedUnreadCount();
        const bool serverWide = m_session->actions()->offers(RestActions::Action::ReadAll);
        if (serverWide && (model->unreadCount() > loaded || !model->unreadCountExact())) {
            const QString question = model->unreadCountExact()
                ? tr("Mark %1 notifications read on the server?").arg(QLocale().toString(model->unreadCount()))
                : tr("Mark every notification read on the server?");
            const QString detail
                = tr("%n of them are in the list here; the others are older, and you have not seen them in Notify.",
                     nullptr, loaded);
            if (QMessageBox::question(this, tr("Mark all read"), question + u'\n' + detail,
                                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Yes)
                return;
        }
        m_session->markAllRead();
    });
    connect(m_openLink, &QAction::triggered, this, &NotificationsPage::openLink);
    connect(m_copy, &QAction::triggered, this, &NotificationsPage::copySelected);
    connect(m_loadOlder, &QAction::triggered, m_session, &DesktopSession::loadOlder);
}

QList<QAction *> NotificationsPage::actions() const
{
    return { m_markRead,   m_markUnread,  m_markShownRead, m_openLink, m_copy,
             m_unreadOnly, m_waitingOnly, m_claim,         m_release,  m_loadOlder };
}

void NotificationsPage::selectedIds(QStringList *all, QStringList *unread, QStringList *read) const
{
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        const QStringList ids = row.data(NotificationModel::MemberIdsRole).toStringList();
        *all << ids;
        const bool isRead = row.data(NotificationModel::ReadRole).toBool();
        if (unread && !isRead)
            *unread << ids;
        if (read && isRead)
            *read << ids;
    }
}

void NotificationsPage::updateActions()
{
    QStringList all, unread, read;
    selectedIds(&all, &unread, &read);
    m_markRead->setEnabled(!unread.isEmpty());
    // A server without "unread again" (the reference Django backend): not offered, and why.
    const RestActions *actions = m_session->actions();
    const bool unreadOffered = actions->offers(RestActions::Action::Unread);
    m_markUnread->setEnabled(!read.isEmpty() && unreadOffered);
    m_markUnread->setToolTip(unreadOffered ? QString() : actions->missingReason(RestActions::Action::Unread));
    m_details->setUnreadOffered(unreadOffered, actions->missingReason(RestActions::Action::Unread));
    // Claims: only where the server has them (the reference Django backend has none).
    const bool claims = actions->offers(RestActions::Action::Claim);
    const QString me = m_session->me();
    m_details->setClaimsOffered(claims, me);
    const QModelIndex row = m_view->currentIndex();
    const QString claimer = row.isValid() ? row.data(NotificationModel::ClaimedByRole).toString() : QString();
    m_claim->setVisible(claims);
    m_release->setVisible(claims);
    m_waitingOnly->setVisible(claims);
    m_claim->setEnabled(claims && row.isValid() && claimer.isEmpty());
    m_release->setEnabled(claims && row.isValid() && !claimer.isEmpty() && claimer == me);
    if (!claims && m_waitingOnly->isChecked())
        m_waitingOnly->setChecked(false);
    m_copy->setEnabled(!all.isEmpty());
    const QModelIndex current = m_view->currentIndex();
    m_openLink->setEnabled(current.isValid() && !current.data(NotificationModel::LinkRole).toString().isEmpty());
    // "All" means what is shown: with a filter, the button says how many.
    const int shownUnread
        = m_filter->isFiltering() ? m_filter->shownUnreadCount() : m_session->notifications()->unreadCount();
    const QString text
        = m_filter->isFiltering() ? tr("Mark %n shown as read", nullptr, shownUnread) : tr("Mark &all read");
    m_markShownRead->setText(text);
    m_markShownRead->setEnabled(shownUnread > 0);
    updateOlderButton();
}

bool NotificationsPage::event(QEvent *event)
{
    // A window's activation reaches its visible children as these two (not as ActivationChange).
    const bool result = QWidget::event(event);
    if (event->type() == QEvent::WindowActivate || event->type() == QEvent::WindowDeactivate)
        m_reading->update();
    return result;
}

void NotificationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_reading->update();
}

void NotificationsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_reading->update();
}

void NotificationsPage::loadOlderFinished(int, bool more)
{
    m_olderLoading = false;
    m_noOlder = !more;
    updateOlderButton();
}

void NotificationsPage::updateOlderButton()
{
    if (m_olderLoading)
        return;
    // "No older" only when the server said so; how many more when it counts them.
    const qint64 beyond = m_session->notifications()->notificationsBeyond();
    m_older->setEnabled(!m_noOlder || beyond > 0);
    if (beyond > 0)
        m_older->setText(tr("Load &older notifications (%1 more on the server)").arg(QLocale().toString(beyond)));
    else
        m_older->setText(m_noOlder ? tr("No older notifications on the server") : tr("Load &older notifications"));
    m_loadOlder->setEnabled(m_older->isEnabled());
}

void NotificationsPage::fitCategoryColumn(const QStringList &categories)
{
    // The widest category (or the header), at most about fourteen characters: the title gets the rest.
    const QFontMetrics metrics(m_view->font());
    QHeaderView *header = m_view->horizontalHeader();
    int widest = header->fontMetrics().horizontalAdvance(
        m_filter->headerData(NotificationModel::CategoryColumn, Qt::Horizontal).toString());
    for (const QString &category : categories)
        widest = std::max(widest, metrics.horizontalAdvance(category));
    header->resizeSection(NotificationModel::CategoryColumn,
                          std::min(widest, ColumnWidths::characters(metrics, 14)) + 24);
}

bool NotificationsPage::showNotification(const QString &id)
{
    const auto row = m_session->notifications()->rowOf(id);
    if (!row)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_session->notifications()->index(*row, 0));
    if (!index.isValid()) {
        // Hidden by a filter: the user asked for this one, so the filters go.
        m_filter->clearFilters();
        index = m_filter->mapFromSource(m_session->notifications()->index(*row, 0));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setFocus();
    return index.isValid();
}

void NotificationsPage::focusSearch()
{
    m_bar->focusSearch();
}

void NotificationsPage::copySelected()
{
    QStringList texts;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        const QString body = row.data(NotificationModel::BodyRole).toString();
        texts << row.data(NotificationModel::TitleRole).toString() + (body.isEmpty() ? QString() : u'\n' + body);
    }
    QGuiApplication::clipboard()->setText(texts.join(QStringLiteral("\n\n")));
}

void NotificationsPage::openLink()
{
    const QString link = m_view->currentIndex().data(NotificationModel::LinkRole).toString();
    if (!link.isEmpty())
        QDesktopServices::openUrl(QUrl(link));
}

} // namespace Notify::Tray
