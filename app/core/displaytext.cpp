// SPDX-License-Identifier: MIT
#include "displaytext.h"

#include <QCoreApplication>
#include <QLocale>

namespace DisplayText {

QString relativeTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = time.secsTo(now);
    if (seconds < 60)
        return QCoreApplication::translate("DisplayText", "just now");
    if (seconds < 3600)
        return QCoreApplication::translate("DisplayText", "%n min ago", nullptr, int(seconds / 60));
    if (seconds < 24LL * 3600)
        return QCoreApplication::translate("DisplayText", "%n h ago", nullptr, int(seconds / 3600));
    if (time.toLocalTime().date() == now.toLocalTime().date().addDays(-1))
        return QCoreApplication::translate("DisplayText", "yesterday");
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
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
