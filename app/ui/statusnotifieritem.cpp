// SPDX-License-Identifier: MIT
#include "statusnotifieritem.h"

#include "dbusmenuexporter.h"

#include <QCoreApplication>
#include <QCursor>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <QMenu>

namespace Notify::Tray {

Q_LOGGING_CATEGORY(lcSni, "notify.tray.sni")

namespace {

const QString WatcherPath = QStringLiteral("/StatusNotifierWatcher");

QDBusMessage watcherCall(const QString &method)
{
    return QDBusMessage::createMethodCall(QString(StatusNotifierItem::WatcherService), WatcherPath,
                                          QString(StatusNotifierItem::WatcherService), method);
}

/// "Does a panel show items?" (the watcher's IsStatusNotifierHostRegistered property).
QDBusMessage hostQuestion()
{
    QDBusMessage get
        = QDBusMessage::createMethodCall(QString(StatusNotifierItem::WatcherService), WatcherPath,
                                         QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QString(StatusNotifierItem::WatcherService) << QStringLiteral("IsStatusNotifierHostRegistered");
    return get;
}

} // namespace

StatusNotifierItem::StatusNotifierItem(const QString &id, QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_menu(menu)
    , m_menuExporter(new DBusMenuExporter(menu, this))
    , m_title(id)
{
    registerDBusTrayTypes();
    static int instances = 0;
    m_service
        = QStringLiteral("org.kde.StatusNotifierItem-%1-%2").arg(QCoreApplication::applicationPid()).arg(++instances);
    QDBusConnection bus = QDBusConnection::sessionBus();
    m_watcher = new QDBusServiceWatcher(QString(WatcherService), bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    if (!bus.isConnected()) {
        qCInfo(lcSni) << "no session bus: no StatusNotifierItem";
        return;
    }
    if (!bus.registerObject(QString(ItemPath), this, QDBusConnection::ExportScriptableContents)
        || !bus.registerObject(QString(MenuPath), m_menuExporter, QDBusConnection::ExportScriptableContents)
        || !bus.registerService(m_service)) {
        qCWarning(lcSni) << "cannot export the StatusNotifierItem:" << bus.lastError().message();
        return;
    }
    // A panel that restarts brings a new watcher, which knows nothing of us.
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &StatusNotifierItem::registerWithWatcher);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] { setHosted(false); });
    bus.connect(QString(WatcherService), WatcherPath, QString(WatcherService),
                QStringLiteral("StatusNotifierHostRegistered"), this, SLOT(onHostRegistered()));
    bus.connect(QString(WatcherService), WatcherPath, QString(WatcherService),
                QStringLiteral("StatusNotifierHostUnregistered"), this, SLOT(onHostUnregistered()));

    // Whether a panel shows us decides at start whether the window starts
    // hidden, so this first question is asked at once (briefly).
    QDBusConnectionInterface *names = bus.interface();
    if (names && names->isServiceRegistered(QString(WatcherService))) {
        const QDBusMessage reply = bus.call(hostQuestion(), QDBus::Block, 2000);
        m_hosted = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
            && reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
        registerWithWatcher();
    }
}

StatusNotifierItem::~StatusNotifierItem()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.unregisterService(m_service); // the watcher forgets us when the name goes
    bus.unregisterObject(QString(MenuPath));
    bus.unregisterObject(QString(ItemPath));
}

void StatusNotifierItem::registerWithWatcher()
{
    QDBusMessage call = watcherCall(QStringLiteral("RegisterStatusNotifierItem"));
    call << m_service;
    auto *pending = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        if (done->isError()) {
            qCInfo(lcSni) << "the StatusNotifierWatcher refused the item:" << done->error().message();
            setHosted(false);
            return;
        }
        qCInfo(lcSni) << "registered" << m_service << "with the StatusNotifierWatcher";
        askWhetherHosted();
    });
}

void StatusNotifierItem::askWhetherHosted()
{
    auto *pending = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(hostQuestion()), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *done;
        setHosted(!reply.isError() && reply.value().variant().toBool());
    });
}

void StatusNotifierItem::onHostRegistered()
{
    registerWithWatcher(); // a host that came late may come with a watcher that lost us
}

void StatusNotifierItem::onHostUnregistered()
{
    askWhetherHosted(); // another host may remain
}

void StatusNotifierItem::setHosted(bool hosted)
{
    if (m_hosted == hosted)
        return;
    m_hosted = hosted;
    qCInfo(lcSni) << (hosted ? "shown by a StatusNotifierItem host" : "no StatusNotifierItem host");
    emit hostedChanged(hosted);
}

QString StatusNotifierItem::statusName() const
{
    switch (m_status) {
    case Status::Passive:
        return QStringLiteral("Passive");
    case Status::Active:
        return QStringLiteral("Active");
    case Status::NeedsAttention:
        return QStringLiteral("NeedsAttention");
    }
    return QStringLiteral("Active");
}

void StatusNotifierItem::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    emit NewTitle();
}

void StatusNotifierItem::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit NewStatus(statusName());
}

void StatusNotifierItem::setIcon(const QIcon &icon)
{
    m_pixmaps = SniPixmap::fromIcon(icon, IconSizes);
    emit NewIcon();
    emit NewAttentionIcon(); // the same picture: it carries the state and the badge itself
}

void StatusNotifierItem::setToolTip(const QString &title, const QString &description)
{
    if (title == m_toolTipTitle && description == m_toolTipDescription)
        return;
    m_toolTipTitle = title;
    m_toolTipDescription = description;
    emit NewToolTip();
}

SniToolTip StatusNotifierItem::toolTip() const
{
    return { {}, {}, m_toolTipTitle, m_toolTipDescription };
}

void StatusNotifierItem::Activate(int x, int y)
{
    Q_UNUSED(x);
    Q_UNUSED(y);
    // After the reply: the host waits for it, and a window may take a while.
    QMetaObject::invokeMethod(this, &StatusNotifierItem::activated, Qt::QueuedConnection);
}

void StatusNotifierItem::SecondaryActivate(int x, int y)
{
    Q_UNUSED(x);
    Q_UNUSED(y);
    QMetaObject::invokeMethod(this, &StatusNotifierItem::secondaryActivated, Qt::QueuedConnection);
}

void StatusNotifierItem::ContextMenu(int x, int y)
{
    // Hosts that do not read the dbusmenu ask us to show the menu ourselves.
    QMetaObject::invokeMethod(
        m_menu, [menu = m_menu, x, y] { menu->popup(x || y ? QPoint(x, y) : QCursor::pos()); }, Qt::QueuedConnection);
}

void StatusNotifierItem::Scroll(int delta, const QString &orientation)
{
    Q_UNUSED(delta);
    Q_UNUSED(orientation); // nothing to scroll through
}

} // namespace Notify::Tray
