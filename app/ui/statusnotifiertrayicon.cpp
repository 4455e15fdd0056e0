// SPDX-License-Identifier: MIT
#include "statusnotifiertrayicon.h"

#include "statusnotifieritem.h"

namespace Notify::Tray {

StatusNotifierTrayIcon::StatusNotifierTrayIcon(QMenu *menu, QObject *parent)
    : TrayIcon(parent)
    , m_item(new StatusNotifierItem(QStringLiteral("notify-tray"), menu, this))
    , m_fallback(new QtTrayIcon(menu, this))
{
    m_item->setTitle(QStringLiteral("Notify"));
    connect(m_item, &StatusNotifierItem::activated, this, &TrayIcon::activated);
    connect(m_item, &StatusNotifierItem::secondaryActivated, this, &TrayIcon::activated);
    connect(m_item, &StatusNotifierItem::hostedChanged, this, &StatusNotifierTrayIcon::place);
    connect(m_fallback, &TrayIcon::activated, this, &TrayIcon::activated);
}

void StatusNotifierTrayIcon::setIcon(const QIcon &icon)
{
    m_item->setIcon(icon);
    m_fallback->setIcon(icon);
}

void StatusNotifierTrayIcon::setToolTip(const QString &title, const QStringList &lines)
{
    m_fallback->setToolTip(title, lines);
    // The panel's tooltip has a title of its own, and takes rich text.
    QStringList escaped;
    escaped.reserve(lines.size());
    for (const QString &line : lines)
        escaped << line.toHtmlEscaped();
    m_item->setToolTip(title, escaped.join(QStringLiteral("<br/>")));
}

void StatusNotifierTrayIcon::setNeedsAttention(bool attention)
{
    m_item->setStatus(attention ? StatusNotifierItem::Status::NeedsAttention : StatusNotifierItem::Status::Active);
}

void StatusNotifierTrayIcon::show()
{
    m_shown = true;
    place();
}

bool StatusNotifierTrayIcon::isAvailable() const
{
    return m_item->hosted() || m_fallback->isAvailable();
}

void StatusNotifierTrayIcon::place()
{
    m_fallback->setVisible(m_shown && !m_item->hosted());
}

} // namespace Notify::Tray
