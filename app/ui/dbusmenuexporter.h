// SPDX-License-Identifier: MIT
#pragma once

#include "dbustraytypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QMenu;

namespace Notify::Tray {

/// A QMenu on the session bus as `com.canonical.dbusmenu`, the menu a
/// StatusNotifierItem host (KDE Plasma, GNOME's AppIndicator extension,
/// XFCE, LXQt, Cinnamon) draws for the item.
///
/// The menu stays the app's own: the host reads its layout, a click comes
/// back as the action's trigger(), and opening a submenu emits its
/// aboutToShow() (so "Latest notifications" is rebuilt as in the XEmbed
/// tray). Actions added, removed or changed are announced with
/// LayoutUpdated / ItemsPropertiesUpdated, coalesced per event-loop pass.
/// Item 0 is the menu itself; every action gets an id of its own for as
/// long as it lives.
class DBusMenuExporter final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "com.canonical.dbusmenu")
    Q_PROPERTY(uint Version READ version)
    Q_PROPERTY(QString TextDirection READ textDirection)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(QStringList IconThemePath READ iconThemePath)
    Q_DISABLE_COPY_MOVE(DBusMenuExporter)

public:
    explicit DBusMenuExporter(QMenu *menu, QObject *parent = nullptr);
    ~DBusMenuExporter() override;

    [[nodiscard]] uint version() const { return 3; }
    [[nodiscard]] QString textDirection() const;
    [[nodiscard]] QString status() const { return QStringLiteral("normal"); }
    [[nodiscard]] QStringList iconThemePath() const { return {}; }
    [[nodiscard]] uint revision() const { return m_revision; }

    /// A menu label as dbusmenu writes it: `_` marks the mnemonic, `__` is a `_`.
    [[nodiscard]] static QString labelOf(const QString &text);

public slots:
    Q_SCRIPTABLE uint GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                                DBusMenuLayoutItem &layout);
    Q_SCRIPTABLE DBusMenuItemList GetGroupProperties(const QList<int> &ids, const QStringList &propertyNames);
    Q_SCRIPTABLE QDBusVariant GetProperty(int id, const QString &name);
    Q_SCRIPTABLE void Event(int id, const QString &eventId, const QDBusVariant &data, uint timestamp);
    Q_SCRIPTABLE QList<int> EventGroup(const DBusMenuEventList &events);
    Q_SCRIPTABLE bool AboutToShow(int id);
    Q_SCRIPTABLE QList<int> AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors);

signals:
    Q_SCRIPTABLE void ItemsPropertiesUpdated(const DBusMenuItemList &updatedProps,
                                             const DBusMenuItemKeysList &removedProps);
    Q_SCRIPTABLE void LayoutUpdated(uint revision, int parent);
    Q_SCRIPTABLE void ItemActivationRequested(int id, uint timestamp);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The id of @p action, given on first sight.
    int idOf(QAction *action);
    [[nodiscard]] QMenu *menuOf(int id) const;
    [[nodiscard]] QVariantMap propertiesOf(QAction *action, const QStringList &names) const;
    DBusMenuLayoutItem layoutOf(int id, QMenu *menu, int depth, const QStringList &names);
    void watch(QMenu *menu);
    bool dispatch(int id, const QString &eventId);
    void scheduleAnnounce();
    void announce();

    QPointer<QMenu> m_menu;
    QHash<QAction *, int> m_ids;
    QHash<int, QPointer<QAction>> m_actions;
    QSet<QMenu *> m_watched;
    int m_nextId = 1;
    uint m_revision = 1;
    bool m_layoutChanged = false;
    QSet<int> m_changed; ///< items whose properties changed since the last announcement
    bool m_announceQueued = false;
};

} // namespace Notify::Tray
