// SPDX-License-Identifier: MIT
#include "displaytext.h"

#include <QCoreApplication>
#include <QLocale>

namespace Notify::Tray {

namespace DisplayText {

QString relativeTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    constexpr qint64 day = qint64(24) * 3600;
    const qint64 seconds = time.secsTo(now);
    const int minutes = int(seconds / 60);
    const int hours = int(seconds / 3600);
    if (seconds < 60)
        return QCoreApplication::translate("DisplayText", "just now");
    if (seconds < 3600)
        return QCoreApplication::translate("DisplayText", "%n min ago", nullptr, minutes);
    if (seconds < day)
        return QCoreApplication::translate("DisplayText", "%n h ago", nullptr, hours);
    if (time.toLocalTime().date() == now.toLocalTime().date().addDays(-1))
        return QCoreApplication::translate("DisplayText", "yesterday");
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
}

QString eventTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = time.secsTo(now);
    const int minutes = int(seconds / 60);
    if (seconds < 60 && seconds > -60)
        return QCoreApplication::translate("DisplayText", "just now");
    if (seconds > 0 && seconds < 3600)
        return QCoreApplication::translate("DisplayText", "%n min ago", nullptr, minutes);
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    QString clock = locale.toString(local.time(), QLocale::ShortFormat);
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return clock;
    if (local.date() == today.addDays(-1))
        return QCoreApplication::translate("DisplayText", "Yesterday %1").arg(clock);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + clock;
}

QString levelName(Notify::Protocol::Level level)
{
    using Notify::Protocol::Level;
    switch (level) {
    case Level::Info:
        return QCoreApplication::translate("DisplayText", "Information");
    case Level::Success:
        return QCoreApplication::translate("DisplayText", "Success");
    case Level::Warning:
        return QCoreApplication::translate("DisplayText", "Warning");
    case Level::Error:
        return QCoreApplication::translate("DisplayText", "Error");
    }
    return {};
}

QString presenceName(Notify::Protocol::PresenceStatus status)
{
    using Notify::Protocol::PresenceStatus;
    switch (status) {
    case PresenceStatus::Online:
        return QCoreApplication::translate("DisplayText", "Online");
    case PresenceStatus::Away:
        return QCoreApplication::translate("DisplayText", "Away");
    case PresenceStatus::Busy:
        return QCoreApplication::translate("DisplayText", "Busy");
    case PresenceStatus::Offline:
        return QCoreApplication::translate("DisplayText", "Offline");
    }
    return {};
}

QString orderStatusName(const Notify::Protocol::OrderStatus &order)
{
    using Notify::Protocol::OrderState;
    if (!order.unlistedStatus.isEmpty())
        return order.unlistedStatus;
    switch (order.status) {
    case OrderState::Pending:
        return QCoreApplication::translate("DisplayText", "Pending");
    case OrderState::Confirmed:
        return QCoreApplication::translate("DisplayText", "Confirmed");
    case OrderState::Processing:
        return QCoreApplication::translate("DisplayText", "Processing");
    case OrderState::Shipped:
        return QCoreApplication::translate("DisplayText", "Shipped");
    case OrderState::Delivered:
        return QCoreApplication::translate("DisplayText", "Delivered");
    case OrderState::Cancelled:
        return QCoreApplication::translate("DisplayText", "Cancelled");
    case OrderState::Refunded:
        return QCoreApplication::translate("DisplayText", "Refunded");
    }
    return {};
}

QString connectionState(Notify::SseClient::State state)
{
    using State = Notify::SseClient::State;
    switch (state) {
    case State::Open:
        return QCoreApplication::translate("DisplayText", "connected");
    case State::Connecting:
        return QCoreApplication::translate("DisplayText", "connecting");
    case State::WaitingToReconnect:
        return QCoreApplication::translate("DisplayText", "reconnecting");
    case State::Polling:
        return QCoreApplication::translate("DisplayText", "connected (polling)");
    case State::AuthRequired:
        return QCoreApplication::translate("DisplayText", "sign-in needed");
    case State::Stopped:
        return QCoreApplication::translate("DisplayText", "offline");
    case State::Failed:
        return QCoreApplication::translate("DisplayText", "offline (error)");
    }
    return {};
}

} // namespace DisplayText

} // namespace Notify::Tray
