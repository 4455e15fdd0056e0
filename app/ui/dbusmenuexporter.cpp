// SPDX-License-Identifier: MIT
#include "dbusmenuexporter.h"

#include <QActionEvent>
#include <QActionGroup>
#include <QBuffer>
#include <QEvent>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMenu>
#include <QTimer>

namespace Notify::Tray {

Q_LOGGING_CATEGORY(lcDBusMenu, "notify.tray.dbusmenu")

namespace {

const QString Type = QStringLiteral("type");
const QString Label = QStringLiteral("label");
const QString Enabled = QStringLiteral("enabled");
const QString Visible = QStringLiteral("visible");
const QString IconData = QStringLiteral("icon-data");
const QString ToggleType = QStringLiteral("toggle-type");
const QString ToggleState = QStringLiteral("toggle-state");
const QString ChildrenDisplay = QStringLiteral("children-display");

} // namespace

DBusMenuExporter::DBusMenuExporter(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    registerDBusTrayTypes();
    watch(menu);
}

DBusMenuExporter::~DBusMenuExporter()
{
    for (QMenu *menu : std::as_const(m_watched))
        menu->removeEventFilter(this);
}

QString DBusMenuExporter::textDirection() const
{
    return QGuiApplication::layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
}

QString DBusMenuExporter::labelOf(const QString &text)
{
    // Qt: "&File", "R&&D"; dbusmenu: "_File", "R&D", and a literal "_" doubled.
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&') {
                out += u'&';
                ++i;
            } else if (i + 1 < text.size()) {
                out += u'_';
            }
        } else if (c == u'_') {
            out += QStringLiteral("__");
        } else {
            out += c;
        }
    }
    return out;
}

int DBusMenuExporter::idOf(QAction *action)
{
    const auto found = m_ids.constFind(action);
    if (found != m_ids.constEnd())
        return *found;
    const int id = m_nextId++;
    m_ids.insert(action, id);
    m_actions.insert(id, action);
    connect(action, &QObject::destroyed, this, [this, action, id] {
        m_ids.remove(action);
        m_actions.remove(id);
    });
    if (QMenu *sub = action->menu())
        watch(sub);
    return id;
}

QMenu *DBusMenuExporter::menuOf(int id) const
{
    if (id == 0)
        return m_menu;
    const QPointer<QAction> action = m_actions.value(id);
    return action ? action->menu() : nullptr;
}

void DBusMenuExporter::watch(QMenu *menu)
{
    if (!menu || m_watched.contains(menu))
        return;
    m_watched.insert(menu);
    menu->installEventFilter(this);
    connect(menu, &QObject::destroyed, this, [this, menu] { m_watched.remove(menu); });
}

QVariantMap DBusMenuExporter::propertiesOf(QAction *action, const QStringList &names) const
{
    // Only what differs from the specification's defaults (standard, enabled,
    // visible, no toggle), and only what was asked for (none: everything).
    QVariantMap p;
    if (action->isSeparator()) {
        p.insert(Type, QStringLiteral("separator"));
    } else {
        p.insert(Label, labelOf(action->text()));
        if (!action->icon().isNull()) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            action->icon().pixmap(QSize(16, 16), 1.0).save(&buffer, "PNG");
            p.insert(IconData, png);
        }
        if (action->isCheckable()) {
            const bool radio = action->actionGroup() && action->actionGroup()->isExclusive();
            p.insert(ToggleType, radio ? QStringLiteral("radio") : QStringLiteral("checkmark"));
            p.insert(ToggleState, action->isChecked() ? 1 : 0);
        }
        if (action->menu())
            p.insert(ChildrenDisplay, QStringLiteral("submenu"));
    }
    if (!action->isEnabled())
        p.insert(Enabled, false);
    if (!action->isVisible())
        p.insert(Visible, false);
    if (!names.isEmpty()) {
        for (auto it = p.begin(); it != p.end();)
            it = names.contains(it.key()) ? std::next(it) : p.erase(it);
    }
    return p;
}

DBusMenuLayoutItem DBusMenuExporter::layoutOf(int id, QMenu *menu, int depth, const QStringList &names)
{
    DBusMenuLayoutItem item;
    item.id = id;
    if (id != 0) {
        QAction *action = m_actions.value(id);
        if (action)
            item.properties = propertiesOf(action, names);
    } else {
        item.properties.insert(ChildrenDisplay, QStringLiteral("submenu"));
    }
    if (!menu || depth == 0)
        return item;
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        const int childId = idOf(action);
        item.children << layoutOf(childId, action->menu(), depth < 0 ? -1 : depth - 1, names);
    }
    return item;
}

uint DBusMenuExporter::GetLayout(int parentId, int recursionDepth, const QStringList &propertyNames,
                                 DBusMenuLayoutItem &layout)
{
    if (parentId != 0 && !m_actions.value(parentId)) {
        layout = {};
        layout.id = parentId;
        qCDebug(lcDBusMenu) << "GetLayout of an unknown item" << parentId;
        return m_revision;
    }
    layout = layoutOf(parentId, menuOf(parentId), recursionDepth, propertyNames);
    return m_revision;
}

DBusMenuItemList DBusMenuExporter::GetGroupProperties(const QList<int> &ids, const QStringList &propertyNames)
{
    DBusMenuItemList out;
    for (const int id : ids) {
        if (id == 0) {
            out << DBusMenuItem{ 0, { { ChildrenDisplay, QStringLiteral("submenu") } } };
        } else if (QAction *action = m_actions.value(id)) {
            out << DBusMenuItem{ id, propertiesOf(action, propertyNames) };
        }
    }
    return out;
}

QDBusVariant DBusMenuExporter::GetProperty(int id, const QString &name)
{
    QAction *action = m_actions.value(id);
    const QVariant value = action ? propertiesOf(action, { name }).value(name) : QVariant();
    return QDBusVariant(value.isValid() ? value : QVariant(QString())); // a variant must hold something
}

bool DBusMenuExporter::dispatch(int id, const QString &eventId)
{
    QMenu *menu = menuOf(id);
    QAction *action = id == 0 ? nullptr : m_actions.value(id).data();
    if (id != 0 && !action)
        return false;
    if (eventId == u"clicked") {
        if (action && !action->menu() && action->isEnabled()) {
            // After the reply: an action may open a dialog with an event loop
            // of its own, and the host waits for the answer meanwhile.
            QMetaObject::invokeMethod(action, &QAction::trigger, Qt::QueuedConnection);
        }
    } else if (eventId == u"opened") {
        if (menu)
            emit menu->aboutToShow();
    } else if (eventId == u"closed") {
        if (menu)
            emit menu->aboutToHide();
    }
    return true;
}

void DBusMenuExporter::Event(int id, const QString &eventId, const QDBusVariant &data, uint timestamp)
{
    Q_UNUSED(data);
    Q_UNUSED(timestamp);
    if (!dispatch(id, eventId))
        qCDebug(lcDBusMenu) << "event" << eventId << "for an unknown item" << id;
}

QList<int> DBusMenuExporter::EventGroup(const DBusMenuEventList &events)
{
    QList<int> errors;
    for (const DBusMenuEvent &event : events) {
        if (!dispatch(event.id, event.eventId))
            errors << event.id;
    }
    return errors;
}

bool DBusMenuExporter::AboutToShow(int id)
{
    QMenu *menu = menuOf(id);
    if (!menu)
        return false;
    const uint before = m_revision;
    emit menu->aboutToShow(); // "Latest notifications" fills itself here
    if (m_layoutChanged) {
        announce(); // now, so that the answer and the revision agree
    }
    return m_revision != before;
}

QList<int> DBusMenuExporter::AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors)
{
    QList<int> updates;
    idErrors.clear();
    for (const int id : ids) {
        if (!menuOf(id))
            idErrors << id;
        else if (AboutToShow(id))
            updates << id;
    }
    return updates;
}

bool DBusMenuExporter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ActionAdded:
    case QEvent::ActionRemoved:
        m_layoutChanged = true;
        scheduleAnnounce();
        break;
    case QEvent::ActionChanged: {
        auto *actionEvent = static_cast<QActionEvent *>(event);
        const auto id = m_ids.constFind(actionEvent->action());
        if (id != m_ids.constEnd()) {
            m_changed.insert(*id);
            scheduleAnnounce();
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void DBusMenuExporter::scheduleAnnounce()
{
    if (std::exchange(m_announceQueued, true))
        return;
    QTimer::singleShot(0, this, [this] {
        if (m_announceQueued)
            announce();
    });
}

void DBusMenuExporter::announce()
{
    m_announceQueued = false;
    if (std::exchange(m_layoutChanged, false)) {
        // A new layout carries every property too.
        m_changed.clear();
        ++m_revision;
        emit LayoutUpdated(m_revision, 0);
        return;
    }
    if (m_changed.isEmpty())
        return;
    DBusMenuItemList updated;
    DBusMenuItemKeysList removed;
    for (const int id : std::as_const(m_changed)) {
        QAction *action = m_actions.value(id);
        if (!action)
            continue;
        const QVariantMap properties = propertiesOf(action, {});
        updated << DBusMenuItem{ id, properties };
        // What is at its default now is left out above: say it went.
        QStringList gone;
        for (const QString &key : { Enabled, Visible, IconData, ToggleType, ToggleState, ChildrenDisplay }) {
            if (!properties.contains(key))
                gone << key;
        }
        removed << DBusMenuItemKeys{ id, gone };
    }
    m_changed.clear();
    emit ItemsPropertiesUpdated(updated, removed);
}

} // namespace Notify::Tray
