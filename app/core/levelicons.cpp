// SPDX-License-Identifier: MIT
#include "levelicons.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Notify::Tray {

namespace LevelIcons {

using namespace Notify::Protocol;

QIcon icon(Level level)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(level));
    if (it == cache.end())
        it = cache.insert(int(level), QIcon(QStringLiteral(":/icons/level-%1.svg").arg(toString(level))));
    return *it;
}

QColor color(Level level)
{
    switch (level) {
    case Level::Info:
        return QColor(0x1e, 0x88, 0xe5);
    case Level::Success:
        return QColor(0x2e, 0x7d, 0x32);
    case Level::Warning:
        return QColor(0xef, 0x6c, 0x00);
    case Level::Error:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QColor color(OrderState state)
{
    switch (state) {
    case OrderState::Pending:
        return QColor(0x75, 0x75, 0x75);
    case OrderState::Confirmed:
        return QColor(0x1e, 0x88, 0xe5);
    case OrderState::Processing:
        return QColor(0x8e, 0x24, 0xaa);
    case OrderState::Shipped:
        return QColor(0xef, 0x6c, 0x00);
    case OrderState::Delivered:
        return QColor(0x2e, 0x7d, 0x32);
    case OrderState::Cancelled:
        return QColor(0xc6, 0x28, 0x28);
    case OrderState::Refunded:
        return QColor(0x6d, 0x4c, 0x41);
    }
    return {};
}

QColor color(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Online:
        return QColor(0x43, 0xa0, 0x47);
    case PresenceStatus::Away:
        return QColor(0xfb, 0xc0, 0x2d);
    case PresenceStatus::Busy:
        return QColor(0xe5, 0x39, 0x35);
    case PresenceStatus::Offline:
        return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

QIcon dot(const QColor &color)
{
    QIcon icon;
    for (const int size : { 16, 32, 64 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(size * 0.2, size * 0.2, size * 0.6, size * 0.6));
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace LevelIcons

} // namespace Notify::Tray
