// SPDX-License-Identifier: MIT
#pragma once

#include "framebatch.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace Notify::Server {

/// What of one batch each stream gets: pure logic, no sockets.
///
/// A stream gets the frames after the sequence number it already has that
/// its user may see. A batch of broadcasts that a stream has none of is
/// concatenated once and shared by every such stream (one write each, no
/// copy each).
class BatchSlicer final
{
public:
    explicit BatchSlicer(std::shared_ptr<const FrameBatch> batch);

    [[nodiscard]] quint64 lastSeq() const { return m_lastSeq; }
    /// Whether only some users' streams are concerned (no broadcast in it).
    [[nodiscard]] bool userOnly() const { return !m_anyBroadcast; }
    /// The users the frames are addressed to (when userOnly()).
    [[nodiscard]] const QStringList &users() const { return m_users; }

    /// The bytes for a stream of @p user that has everything up to @p haveSeq,
    /// and how many events they hold (0: nothing for it).
    [[nodiscard]] QByteArray forStream(const QString &user, quint64 haveSeq, qint64 *events);

private:
    [[nodiscard]] const QByteArray &whole();

    std::shared_ptr<const FrameBatch> m_batch;
    quint64 m_firstSeq = 0;
    quint64 m_lastSeq = 0;
    bool m_allBroadcast = true;
    bool m_anyBroadcast = false;
    QStringList m_users;
    QByteArray m_whole;
};

} // namespace Notify::Server
