// SPDX-License-Identifier: MIT
#pragma once
// The D-Bus structures of the StatusNotifierItem and com.canonical.dbusmenu
// specifications, with their marshalling. Plain values: StatusNotifierItem
// and DBusMenuExporter fill them, QtDBus puts them on the wire.

#include <QDBusArgument>
#include <QList>
#include <QString>
#include <QVariantMap>

class QIcon;

namespace Notify::Tray {

/// `(iiay)`: one size of an icon, ARGB32 in network byte order.
struct SniPixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb;

    /// Every size @p icon has among @p sizes, as StatusNotifierItem hosts want them.
    static QList<SniPixmap> fromIcon(const QIcon &icon, const QList<int> &sizes);
};
using SniPixmapList = QList<SniPixmap>;

/// `(sa(iiay)ss)`: icon name, icon pixmaps, title, description.
struct SniToolTip
{
    QString iconName;
    SniPixmapList iconPixmap;
    QString title;
    QString description;
};

/// `(ia{sv}av)`: a menu item, its properties and its children (as variants).
struct DBusMenuLayoutItem
{
    int id = 0;
    QVariantMap properties;
    QList<DBusMenuLayoutItem> children;
};

/// `(ia{sv})`: an item's properties (GetGroupProperties, ItemsPropertiesUpdated).
struct DBusMenuItem
{
    int id = 0;
    QVariantMap properties;
};
using DBusMenuItemList = QList<DBusMenuItem>;

/// `(ias)`: properties an item no longer has (back to their defaults).
struct DBusMenuItemKeys
{
    int id = 0;
    QStringList properties;
};
using DBusMenuItemKeysList = QList<DBusMenuItemKeys>;

/// `(isvu)`: one event of EventGroup.
struct DBusMenuEvent
{
    int id = 0;
    QString eventId;
    QDBusVariant data;
    uint timestamp = 0;
};
using DBusMenuEventList = QList<DBusMenuEvent>;

} // namespace Notify::Tray

Q_DECLARE_METATYPE(Notify::Tray::SniPixmap)
Q_DECLARE_METATYPE(Notify::Tray::SniToolTip)
Q_DECLARE_METATYPE(Notify::Tray::DBusMenuLayoutItem)
Q_DECLARE_METATYPE(Notify::Tray::DBusMenuItem)
Q_DECLARE_METATYPE(Notify::Tray::DBusMenuItemKeys)
Q_DECLARE_METATYPE(Notify::Tray::DBusMenuEvent)

namespace Notify::Tray {

QDBusArgument &operator<<(QDBusArgument &arg, const SniPixmap &pixmap);
const QDBusArgument &operator>>(const QDBusArgument &arg, SniPixmap &pixmap);
QDBusArgument &operator<<(QDBusArgument &arg, const SniToolTip &tip);
const QDBusArgument &operator>>(const QDBusArgument &arg, SniToolTip &tip);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuLayoutItem &item);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuLayoutItem &item);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuItem &item);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuItem &item);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuItemKeys &keys);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuItemKeys &keys);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuEvent &event);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuEvent &event);

/// Registers every type above with QtDBus (once; safe to call again).
void registerDBusTrayTypes();

} // namespace Notify::Tray
