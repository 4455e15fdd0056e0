// SPDX-License-Identifier: MIT
#pragma once

#include "dbustraytypes.h"

#include <QDBusObjectPath>
#include <QIcon>
#include <QObject>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;
class QMenu;

namespace Notify::Tray {

class DBusMenuExporter;

/// The tray icon as a StatusNotifierItem (`org.kde.StatusNotifierItem` on
/// the session bus), the way KDE Plasma, GNOME with the AppIndicator
/// extension, Cinnamon, XFCE and LXQt panels show tray icons.
///
/// Qt's own StatusNotifierItem (behind QSystemTrayIcon) cannot say
/// NeedsAttention when we decide, and is used only by Qt's xcb platform; this
/// one carries our Status, the icon with its tint and badge at several
/// sizes, a tooltip and the tray menu (DBusMenuExporter), and registers with
/// `org.kde.StatusNotifierWatcher` again whenever a watcher appears (a
/// panel restarting). hosted() is true while a watcher with a host has the
/// item, which is when the icon is on screen.
class StatusNotifierItem final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierItem")
    Q_PROPERTY(QString Category READ category)
    Q_PROPERTY(QString Id READ id)
    Q_PROPERTY(QString Title READ title)
    Q_PROPERTY(QString Status READ statusName)
    Q_PROPERTY(int WindowId READ windowId)
    Q_PROPERTY(QString IconName READ noName)
    Q_PROPERTY(SniPixmapList IconPixmap READ iconPixmap)
    Q_PROPERTY(QString OverlayIconName READ noName)
    Q_PROPERTY(SniPixmapList OverlayIconPixmap READ noPixmap)
    Q_PROPERTY(QString AttentionIconName READ noName)
    Q_PROPERTY(SniPixmapList AttentionIconPixmap READ iconPixmap)
    Q_PROPERTY(QString AttentionMovieName READ noName)
    Q_PROPERTY(SniToolTip ToolTip READ toolTip)
    Q_PROPERTY(bool ItemIsMenu READ itemIsMenu)
    Q_PROPERTY(QDBusObjectPath Menu READ menuPath)
    Q_PROPERTY(QString IconThemePath READ noName)
    Q_DISABLE_COPY_MOVE(StatusNotifierItem)

public:
    enum class Status { Passive, Active, NeedsAttention };
    Q_ENUM(Status)

    static constexpr QLatin1StringView WatcherService{ "org.kde.StatusNotifierWatcher" };
    static constexpr QLatin1StringView ItemPath{ "/StatusNotifierItem" };
    static constexpr QLatin1StringView MenuPath{ "/MenuBar" };
    /// The sizes of IconPixmap: panels are 16 to 64 px high, at 1x and 2x.
    static inline const QList<int> IconSizes{ 16, 22, 24, 32, 48, 64 };

    /// Exports the item and @p menu, and registers with a watcher if one runs.
    StatusNotifierItem(const QString &id, QMenu *menu, QObject *parent = nullptr);
    ~StatusNotifierItem() override;

    [[nodiscard]] bool hosted() const { return m_hosted; }
    [[nodiscard]] QString serviceName() const { return m_service; }

    void setTitle(const QString &title);
    void setStatus(Status status);
    void setIcon(const QIcon &icon);
    /// @p description is rich text, as the specification allows.
    void setToolTip(const QString &title, const QString &description);

    [[nodiscard]] QString category() const { return QStringLiteral("Communications"); }
    [[nodiscard]] QString id() const { return m_id; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] QString statusName() const;
    [[nodiscard]] int windowId() const { return 0; }
    [[nodiscard]] QString noName() const { return {}; }
    [[nodiscard]] SniPixmapList iconPixmap() const { return m_pixmaps; }
    [[nodiscard]] SniPixmapList noPixmap() const { return {}; }
    [[nodiscard]] SniToolTip toolTip() const;
    [[nodiscard]] bool itemIsMenu() const { return false; }
    [[nodiscard]] QDBusObjectPath menuPath() const { return QDBusObjectPath(MenuPath); }

signals:
    /// A click on the icon (Activate), a middle click (SecondaryActivate).
    void activated();
    void secondaryActivated();
    void hostedChanged(bool hosted);

    Q_SCRIPTABLE void NewTitle();
    Q_SCRIPTABLE void NewIcon();
    Q_SCRIPTABLE void NewAttentionIcon();
    Q_SCRIPTABLE void NewOverlayIcon();
    Q_SCRIPTABLE void NewToolTip();
    Q_SCRIPTABLE void NewStatus(const QString &status);

public slots:
    Q_SCRIPTABLE void Activate(int x, int y);
    Q_SCRIPTABLE void SecondaryActivate(int x, int y);
    Q_SCRIPTABLE void ContextMenu(int x, int y);
    Q_SCRIPTABLE void Scroll(int delta, const QString &orientation);

private slots:
    void onHostRegistered();
    void onHostUnregistered();

private:
    void registerWithWatcher();
    void askWhetherHosted();
    void setHosted(bool hosted);

    QString m_id;
    QString m_service;
    QMenu *m_menu;
    DBusMenuExporter *m_menuExporter;
    QDBusServiceWatcher *m_watcher;
    QString m_title;
    Status m_status = Status::Active;
    SniPixmapList m_pixmaps;
    QString m_toolTipTitle;
    QString m_toolTipDescription;
    bool m_hosted = false;
};

} // namespace Notify::Tray
