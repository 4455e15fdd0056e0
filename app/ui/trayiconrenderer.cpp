// SPDX-License-Identifier: MIT
#include "trayiconrenderer.h"

#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

namespace Notify::Tray {

namespace TrayIconRenderer {

using State = Notify::SseClient::State;

namespace {

QColor stateColor(State state)
{
    switch (state) {
    case State::Open:
        return QColor(0x1e, 0x88, 0xe5); // connected: blue
    case State::Connecting:
    case State::WaitingToReconnect:
    case State::Polling:
        return QColor(0xf9, 0xa8, 0x25); // reconnecting: amber
    case State::AuthRequired:
        return QColor(0xc6, 0x28, 0x28); // needs the user: red
    case State::Stopped:
    case State::Failed:
        return QColor(0x9e, 0x9e, 0x9e); // offline: grey
    }
    return Qt::gray;
}

} // namespace

QPixmap pixmap(State state, int unread, int size, bool paused)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // The bell from resources/, tinted with the state's colour.
    QPixmap bell(size, size);
    bell.fill(Qt::transparent);
    {
        QPainter p(&bell);
        QSvgRenderer svg(QStringLiteral(":/icons/bell.svg"));
        svg.render(&p, QRectF(0, 0, size, size));
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(bell.rect(), stateColor(state));
    }
    painter.drawPixmap(0, 0, bell);
    if (state == State::AuthRequired || state == State::Failed) {
        // A slash: this bell will not ring.
        painter.setPen(QPen(QColor(0x42, 0x42, 0x42), size / 10.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(size * 0.15, size * 0.15), QPointF(size * 0.85, size * 0.85));
    }
    if (paused) {
        // Do not disturb: a crescent moon at the bottom left, on a dark disc.
        const qreal d = size * 0.5;
        const QRectF disc(0, size - d, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x37, 0x47, 0x4f));
        painter.drawEllipse(disc);
        QPainterPath moon;
        moon.addEllipse(disc.adjusted(d * 0.2, d * 0.2, -d * 0.2, -d * 0.2));
        QPainterPath bite;
        bite.addEllipse(disc.adjusted(d * 0.38, d * 0.1, -d * 0.02, -d * 0.3));
        painter.setBrush(QColor(0xff, 0xe0, 0x82));
        painter.drawPath(moon.subtracted(bite));
    }
    if (unread > 0) {
        const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const qreal diameter = size * (text.size() > 2 ? 0.62 : 0.55);
        const QRectF badge(size - diameter, 0, diameter, diameter);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(diameter * (text.size() > 2 ? 0.42 : 0.6)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
    }
    return pixmap;
}

QIcon render(State state, int unread, bool paused)
{
    QIcon icon;
    for (const int size : { 16, 22, 24, 32, 48, 64 })
        icon.addPixmap(pixmap(state, unread, size, paused));
    return icon;
}

} // namespace TrayIconRenderer

} // namespace Notify::Tray
