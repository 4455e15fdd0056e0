// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>
#include <QPointer>

namespace Notify {

/// Gives up a reply on its way without hearing from it again: disconnects
/// @p receiver first, so that the abort's finished() reports nothing.
inline void abandonReply(QPointer<QNetworkReply> &reply, const QObject *receiver)
{
    QNetworkReply *r = reply.data();
    if (!r)
        return;
    reply = nullptr;
    QObject::disconnect(r, nullptr, receiver, nullptr);
    r->abort();
    r->deleteLater();
}

} // namespace Notify
