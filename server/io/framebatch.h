// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Notify::Server {

/// One event, serialised once, on its way to every stream that may see it.
struct Frame
{
    quint64 seq = 0;
    QStringList audience; ///< empty: everybody
    QByteArray bytes; ///< the event as the dialect writes it
};
using FrameBatch = QList<Frame>;

} // namespace Notify::Server
