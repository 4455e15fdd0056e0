// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Notify::Server {

class ConnectionWorker;

/// The open streams, by id and by user, and the per-user stream limit.
///
/// The limit has two policies (docs/PROTOCOL.md, "Streams per user"):
/// `reject` refuses one stream too many (429), `evict-oldest` makes room by
/// closing the user's oldest stream.
class StreamRegistry final
{
public:
    enum class LimitPolicy { Reject, EvictOldest };

    /// A stream and the worker that serves it.
    struct StreamRef
    {
        quint64 id = 0;
        ConnectionWorker *worker = nullptr;
    };

    /// What admit() decided.
    struct Admission
    {
        bool accepted = true;
        std::optional<StreamRef> evicted; ///< close this one: it was forgotten here already
    };

    StreamRegistry(int maxPerUser, LimitPolicy policy);

    /// Whether @p user may open one more stream; under evict-oldest the
    /// user's oldest stream is removed to make room.
    Admission admit(const QString &user);
    /// Registers an admitted stream and returns its id.
    quint64 add(const QString &user, ConnectionWorker *worker);
    /// Forgets a closed stream; its user, or nothing when it was not known
    /// (evicted, already accounted for).
    std::optional<QString> remove(quint64 streamId);
    /// The id add() gives next (a deployment-wide limit names it before).
    [[nodiscard]] quint64 nextId() const { return m_nextId; }
    struct Taken
    {
        QString user;
        ConnectionWorker *worker = nullptr;
    };
    /// Forgets a stream that is to be closed, returning what it was.
    std::optional<Taken> take(quint64 streamId);
    [[nodiscard]] LimitPolicy policy() const { return m_policy; }
    void countRejected() { ++m_rejected; }
    void countEvicted() { ++m_evicted; }
    [[nodiscard]] bool contains(quint64 streamId) const { return m_streams.contains(streamId); }
    void clear();

    [[nodiscard]] qsizetype size() const { return m_streams.size(); }
    [[nodiscard]] int maxPerUser() const { return m_maxPerUser; }
    [[nodiscard]] qint64 rejectedCount() const { return m_rejected; }
    [[nodiscard]] qint64 evictedCount() const { return m_evicted; }

private:
    struct Entry
    {
        QString user;
        ConnectionWorker *worker = nullptr;
    };

    int m_maxPerUser;
    LimitPolicy m_policy;
    QHash<quint64, Entry> m_streams;
    QHash<QString, QList<quint64>> m_byUser; ///< oldest first
    quint64 m_nextId = 1;
    qint64 m_rejected = 0;
    qint64 m_evicted = 0;
};

} // namespace Notify::Server
