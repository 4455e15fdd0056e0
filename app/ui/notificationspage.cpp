// SPDX-License-Identifier: MIT
#include "notificationspage.h"

#include "columnwidths.h"
#include "desktopsession.h"
#include "displaytext.h"
#include "emptystate.h"
#include "inlinenotice.h"
#include "notificationdelegate.h"
#include "notificationdetails.h"
#include "notificationfiltermodel.h"
#include "notificationmodel.h"
#include "readingtracker.h"
#include "scrollanchor.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using Notify::Protocol::Level;

NotificationsPage::NotificationsPage(DesktopSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new NotificationFilterModel(this))
    , m_search(new QLineEdit)
    , m_level(new QComboBox)
    , m_category(new QComboBox)
    , m_unreadBox(new QCheckBox(tr("U&nread only")))
    , m_markShownButton(new QPushButton)
    , m_view(new QTableView)
    , m_details(new NotificationDetails)
    , m_notice(new InlineNotice)
    , m_searchTimer(new QTimer(this))
    , m_actionsTimer(new QTimer(this))
    , m_older(new QPushButton(tr("Load &older notifications")))
{
    m_filter->setSourceModel(session->notifications());
    // Before the view's selection model connects to the list (see ReadingTracker).
    m_reading = new ReadingTracker(session, m_filter, m_details, this);
    buildActions();

    m_search->setPlaceholderText(tr("Search notifications (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search notifications"));
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_level->setAccessibleName(tr("Level filter"));
    m_level->setAccessibleDescription(tr("Shows only the notifications of one level"));
    m_level->addItem(tr("All levels"), -1);
    for (const Level level : { Level::Error, Level::Warning, Level::Success, Level::Info })
        m_level->addItem(DisplayText::levelName(level), int(level));
    m_category->setAccessibleName(tr("Category filter"));
    m_category->setAccessibleDescription(tr("Shows only the notifications of one category"));
    m_category->addItem(tr("All categories"), QString());
    m_unreadBox->setAccessibleDescription(tr("Shows only the notifications not read yet"));
    m_markShownButton->setAccessibleDescription(tr("Marks the notifications shown by the filters as read"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_level);
    bar->addWidget(m_category);
    bar->addWidget(m_unreadBox);
    bar->addWidget(m_markShownButton);

    m_view->setModel(m_filter);
    m_reading->watch(m_view);
    m_search->installEventFilter(this);
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
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    setTabOrder(m_search, m_level);
    setTabOrder(m_level, m_category);
    setTabOrder(m_category, m_unreadBox);
    setTabOrder(m_unreadBox, m_markShownButton);
    setTabOrder(m_markShownButton, m_view);
    setTabOrder(m_view, older);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_filter->setSearchText(m_search->text());
        updateActions();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Cleared: at once; typed: when the user pauses (not a pass over the list per key).
        if (text.isEmpty()) {
            m_searchTimer->stop();
            m_filter->setSearchText(text);
            updateActions();
        } else {
            m_searchTimer->start();
        }
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setLevel(m_level->currentData().toInt());
        updateActions();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setCategory(m_category->currentData().toString());
        updateActions();
    });
    connect(m_unreadBox, &QCheckBox::toggled, m_unreadOnly, &QAction::setChecked);
    connect(m_unreadOnly, &QAction::toggled, this, [this](bool on) {
        m_unreadBox->setChecked(on);
        m_filter->setUnreadOnly(on);
        updateActions();
    });
    connect(m_filter, &NotificationFilterModel::filtersCleared, this, [this] {
        const QSignalBlocker a(m_search), b(m_level), c(m_category), d(m_unreadBox), e(m_unreadOnly);
        m_search->clear();
        m_level->setCurrentIndex(0);
        m_category->setCurrentIndex(0);
        m_unreadBox->setChecked(false);
        m_unreadOnly->setChecked(false);
    });
    connect(m_markShownButton, &QPushButton::clicked, m_markShownRead, &QAction::trigger);
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
    // Categories: new rows are looked at, not the whole list after every batch.
    connect(m_session->notifications(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                NotificationModel *model = m_session->notifications();
                for (int row = first; row <= last; ++row) {
                    const QString category = model->index(row, 0).data(NotificationModel::CategoryRole).toString();
                    if (!category.isEmpty() && m_category->findData(category) < 0) {
                        refreshCategories();
                        return;
                    }
                }
            });
    connect(m_session->notifications(), &QAbstractItemModel::modelReset, this, &NotificationsPage::refreshCategories);
    connect(m_session, &DesktopSession::resynced, this, &NotificationsPage::refreshCategories);
    connect(m_session, &DesktopSession::olderLoaded, this, &NotificationsPage::loadOlderFinished);
    // What the server refused, or has not taken yet, is said here, where the user acted.
    using Action = RestActions::Action;
    const auto here = [](Action action) {
        return action == Action::Read || action == Action::Unread || action == Action::ReadAll
            || action == Action::LoadOlder;
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
    refreshCategories();
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
    // Single keys act on the list only (typing "m" in the search box is typing).
    for (QAction *action : { m_markRead, m_markUnread, m_openLink, m_copy })
        action->setShortcutContext(Qt::WidgetShortcut);
    m_view->addActions({ m_markRead, m_markUnread, m_openLink, m_copy });
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
    return { m_markRead, m_markUnread, m_markShownRead, m_openLink, m_copy, m_unreadOnly, m_loadOlder };
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
    m_markShownButton->setText(text);
    m_markShownButton->setEnabled(shownUnread > 0);
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

bool NotificationsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search)
        return QWidget::eventFilter(watched, event);
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool ctrlU = key->key() == Qt::Key_U && key->modifiers() == Qt::ControlModifier;
    if (ctrlU) {
        // Ctrl+U means "unread only" everywhere in the window, not "delete to the start of the line".
        if (event->type() == QEvent::KeyPress)
            m_unreadOnly->toggle();
        event->accept();
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return false; // the other overrides are the line edit's
    if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
        // From the search box into the list, on its first row unless one is chosen.
        m_view->setFocus(Qt::TabFocusReason);
        if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_view->setCurrentIndex(m_filter->index(0, 0));
        return true;
    }
    if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    return false;
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

void NotificationsPage::refreshCategories()
{
    const QString chosen = m_category->currentData().toString();
    const QStringList categories = m_session->notifications()->categories();
    QStringList shown;
    for (int i = 1; i < m_category->count(); ++i)
        shown << m_category->itemData(i).toString();
    if (shown == categories)
        return;
    fitCategoryColumn(categories);
    const QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (const QString &category : categories)
        m_category->addItem(category, category);
    m_category->setCurrentIndex(std::max(0, m_category->findData(chosen)));
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
    m_search->setFocus();
    m_search->selectAll();
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
