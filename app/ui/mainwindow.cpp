// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "desktopsession.h"
#include "displaytext.h"
#include "messagemodel.h"
#include "notificationfiltermodel.h"
#include "notificationmodel.h"
#include "ordermodel.h"
#include "presencemodel.h"
#include "trayiconrenderer.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Notify::Protocol;

MainWindow::MainWindow(DesktopSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_notificationFilter(new NotificationFilterModel(this))
    , m_conversationFilter(new QSortFilterProxyModel(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Notify"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildNotificationsTab(), tr("Notifications"));
    m_tabs->addTab(buildOrdersTab(), tr("Orders"));
    m_tabs->addTab(buildMessagesTab(), tr("Messages"));
    m_tabs->addTab(buildPeopleTab(), tr("People"));
    m_tabs->addTab(buildDetailsTab(), tr("Details"));
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);
    // A comfortable size that still fits small or highly scaled screens.
    QSize size(900, 560);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.85);
    resize(size);

    connect(session, &DesktopSession::connectionStateChanged, this, &MainWindow::updateStatus);
    connect(session->notifications(), &NotificationModel::unreadCountChanged, this, &MainWindow::updateStatus);
    connect(session, &DesktopSession::actionFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    // "2 min ago" must move on by itself.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, [this] {
        for (QTableView *view : { m_notificationView, m_orderView }) {
            if (view)
                view->viewport()->update();
        }
        updateStatus();
    });
    ticker->start(30'000);
    updateStatus();
}

QWidget *MainWindow::buildNotificationsTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    auto *search = new QLineEdit;
    search->setPlaceholderText(tr("Search notifications"));
    search->setClearButtonEnabled(true);
    auto *level = new QComboBox;
    level->addItem(tr("All levels"), -1);
    for (const Level l : { Level::Info, Level::Success, Level::Warning, Level::Error })
        level->addItem(toString(l), int(l));
    m_categoryFilter = new QComboBox;
    m_categoryFilter->addItem(tr("All categories"), QString());
    auto *markAll = new QPushButton(tr("Mark all read"));
    bar->addWidget(search, 1);
    bar->addWidget(level);
    bar->addWidget(m_categoryFilter);
    bar->addWidget(markAll);
    layout->addLayout(bar);

    m_notificationFilter->setSourceModel(m_session->notifications());
    m_notificationView = new QTableView;
    m_notificationView->setModel(m_notificationFilter);
    m_notificationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_notificationView->setSortingEnabled(true);
    m_notificationView->sortByColumn(NotificationModel::TimeColumn, Qt::DescendingOrder);
    m_notificationView->verticalHeader()->hide();
    m_notificationView->setShowGrid(false);
    m_notificationView->setAlternatingRowColors(true);
    m_notificationView->horizontalHeader()->setSectionResizeMode(NotificationModel::TitleColumn, QHeaderView::Stretch);
    m_notificationView->horizontalHeader()->setSectionResizeMode(NotificationModel::CategoryColumn,
                                                                 QHeaderView::ResizeToContents);
    m_notificationView->horizontalHeader()->setSectionResizeMode(NotificationModel::TimeColumn,
                                                                 QHeaderView::ResizeToContents);
    m_notificationView->setWordWrap(false);
    auto *details = new QLabel;
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    details->setOpenExternalLinks(true);
    details->setMinimumHeight(60);
    details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_notificationView);
    split->addWidget(details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split);

    connect(search, &QLineEdit::textChanged, m_notificationFilter, &NotificationFilterModel::setSearchText);
    connect(level, &QComboBox::currentIndexChanged, this,
            [this, level] { m_notificationFilter->setLevel(level->currentData().toInt()); });
    connect(m_categoryFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_notificationFilter->setCategory(m_categoryFilter->currentData().toString()); });
    connect(markAll, &QPushButton::clicked, m_session, &DesktopSession::markAllRead);
    const auto refreshCategories = [this] {
        QStringList categories;
        for (const NotificationItem &n : m_session->notifications()->items()) {
            if (!n.category.isEmpty() && !categories.contains(n.category))
                categories << n.category;
        }
        categories.sort();
        for (const QString &c : std::as_const(categories)) {
            if (m_categoryFilter->findData(c) < 0)
                m_categoryFilter->addItem(c, c);
        }
    };
    connect(m_session->notifications(), &QAbstractItemModel::rowsInserted, this, refreshCategories);
    connect(m_session->notifications(), &QAbstractItemModel::modelReset, this, refreshCategories);
    connect(m_notificationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, details](const QModelIndex &current) {
                if (!current.isValid()) {
                    details->clear();
                    return;
                }
                const QString id = current.data(NotificationModel::IdRole).toString();
                const QString body = current.data(NotificationModel::BodyRole).toString();
                details->setText(
                    QStringLiteral("<b>%1</b><br>%2")
                        .arg(current.siblingAtColumn(0).data().toString().toHtmlEscaped(), body.toHtmlEscaped()));
                if (!current.data(NotificationModel::ReadRole).toBool())
                    m_session->markRead(id);
            });
    return page;
}

QWidget *MainWindow::buildOrdersTab()
{
    auto *split = new QSplitter(Qt::Horizontal);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_session->orders());
    proxy->setSortRole(OrderModel::UpdatedRole);
    m_orderView = new QTableView;
    m_orderView->setModel(proxy);
    m_orderView->setSortingEnabled(true);
    m_orderView->sortByColumn(OrderModel::UpdatedColumn, Qt::DescendingOrder);
    m_orderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_orderView->verticalHeader()->hide();
    m_orderView->setShowGrid(false);
    m_orderView->horizontalHeader()->setSectionResizeMode(OrderModel::NoteColumn, QHeaderView::Stretch);
    m_orderHistory = new QListWidget;
    split->addWidget(m_orderView);
    split->addWidget(m_orderHistory);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    const auto showHistory = [this](const QModelIndex &current) {
        m_orderHistory->clear();
        if (!current.isValid())
            return;
        const QString orderId = current.data(OrderModel::OrderIdRole).toString();
        m_orderHistory->addItem(tr("History of %1").arg(orderId));
        for (const OrderStatus &o : m_session->orders()->history(orderId)) {
            m_orderHistory->addItem(QStringLiteral("%1  %2%3")
                                        .arg(QLocale().toString(o.updatedAt.toLocalTime(), QLocale::ShortFormat),
                                             toString(o.status),
                                             o.note.isEmpty() ? QString() : QStringLiteral(" — ") + o.note));
        }
    };
    connect(m_orderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, showHistory);
    return split;
}

QWidget *MainWindow::buildMessagesTab()
{
    auto *split = new QSplitter(Qt::Horizontal);
    m_conversations = new QListWidget;
    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    m_conversationFilter->setSourceModel(m_session->messages());
    m_conversationFilter->setFilterRole(MessageModel::PeerRole);
    m_conversationFilter->setFilterFixedString(QStringLiteral("\x01none"));
    auto *view = new QTableView;
    view->setModel(m_conversationFilter);
    view->verticalHeader()->hide();
    view->setShowGrid(false);
    view->setWordWrap(true);
    view->horizontalHeader()->setSectionResizeMode(MessageModel::BodyColumn, QHeaderView::Stretch);
    m_reply = new QLineEdit;
    m_reply->setPlaceholderText(tr("Write a message and press Enter"));
    layout->addWidget(view);
    layout->addWidget(m_reply);
    split->addWidget(m_conversations);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    connect(m_session->messages(), &MessageModel::messageAdded, this, &MainWindow::updateConversation);
    connect(m_session->presence(), &QAbstractItemModel::modelReset, this, &MainWindow::updateConversation);
    connect(m_conversations, &QListWidget::currentTextChanged, this, [this, view](const QString &peer) {
        m_conversationFilter->setFilterFixedString(peer.isEmpty() ? QStringLiteral("\x01none") : peer);
        view->scrollToBottom();
    });
    connect(m_reply, &QLineEdit::returnPressed, this, [this] {
        const QString to = m_conversations->currentItem() ? m_conversations->currentItem()->text() : QString();
        if (to.isEmpty() || m_reply->text().trimmed().isEmpty())
            return;
        m_session->sendMessage(to, m_reply->text().trimmed());
        m_reply->clear();
    });
    return split;
}

void MainWindow::updateConversation()
{
    const QString current = m_conversations->currentItem() ? m_conversations->currentItem()->text() : QString();
    QStringList peers = m_session->messages()->conversationPartners();
    // Colleagues without a conversation yet can be written to as well.
    for (int row = 0; row < m_session->presence()->rowCount(); ++row) {
        const QString user = m_session->presence()->index(row).data(PresenceModel::UserRole).toString();
        if (user != m_session->settings().user && !peers.contains(user))
            peers << user;
    }
    m_conversations->clear();
    m_conversations->addItems(peers);
    const auto found = m_conversations->findItems(current.isEmpty() ? peers.value(0) : current, Qt::MatchExactly);
    if (!found.isEmpty())
        m_conversations->setCurrentItem(found.first());
}

QWidget *MainWindow::buildPeopleTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("My status:")));
    auto *mine = new QComboBox;
    for (const char *status : { "online", "away", "busy" })
        mine->addItem(QString::fromLatin1(status), QString::fromLatin1(status));
    bar->addWidget(mine);
    bar->addStretch(1);
    layout->addLayout(bar);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_session->presence());
    proxy->setSortRole(PresenceModel::StatusRole);
    proxy->sort(0);
    auto *view = new QListView;
    view->setModel(proxy);
    view->setUniformItemSizes(true);
    layout->addWidget(view);
    connect(mine, &QComboBox::activated, this,
            [this, mine] { m_session->setMyStatus(mine->currentData().toString()); });
    return page;
}

QWidget *MainWindow::buildDetailsTab()
{
    m_logView = new QPlainTextEdit;
    m_logView->setReadOnly(true);
    m_logView->setMaximumBlockCount(500);
    m_logView->setPlainText(m_session->connectionLog().join(u'\n'));
    connect(m_session, &DesktopSession::logged, m_logView, &QPlainTextEdit::appendPlainText);
    return m_logView;
}

void MainWindow::updateStatus()
{
    const auto state = m_session->client()->state();
    QString text = tr("%1 — %2").arg(m_session->settings().server.toString(QUrl::RemoveUserInfo),
                                     DisplayText::connectionState(state));
    text += tr(" — %n unread", nullptr, m_session->notifications()->unreadCount());
    if (m_session->lastEventTime().isValid())
        text += tr(" — last event %1").arg(QLocale().toString(m_session->lastEventTime().time(), QLocale::ShortFormat));
    m_status->setText(text);
}

void MainWindow::showNotification(const QString &notificationId)
{
    m_tabs->setCurrentIndex(0);
    for (int row = 0; row < m_notificationFilter->rowCount(); ++row) {
        const QModelIndex index = m_notificationFilter->index(row, 0);
        if (index.data(NotificationModel::IdRole).toString() == notificationId) {
            m_notificationView->setCurrentIndex(index);
            m_notificationView->scrollTo(index);
            break;
        }
    }
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window keeps the app in the tray; Quit is in the tray menu.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
}
