// SPDX-License-Identifier: MIT
#pragma once

#include "eventpublisher.h"
#include "io/connectionworker.h"

#include <QObject>

namespace Notify::Server {

class Dialect;
class EventStore;
class WorkerPool;
struct StoredEvent;

/// The events on their way out: stored, serialised once, fanned out in
/// batches, and replayed in pages.
///
/// Everything published in one turn of the hub's event loop goes to the
/// workers as one batch (a shared, immutable list), posted once per worker
/// rather than once per socket. Publications through publishLater() that
/// arrive in the same turn are stored together (group commit) at its end.
class EventLog final : public QObject, public EventPublisher
{
    Q_OBJECT

public:
    /// @p flushDelayMs: how long a batch waits before it goes out (0: the end
    /// of this event-loop turn; `--poll-delay-ms` emulates a polling backend).
    EventLog(EventStore &store, WorkerPool &workers, const Dialect &dialect, qint64 flushDelayMs = 0,
             QObject *parent = nullptr);
    ~EventLog() override;
    Q_DISABLE_COPY_MOVE(EventLog)

    std::optional<QByteArray> publish(const QByteArray &type, const QJsonObject &data, const QStringList &audience,
                                      QString *error = nullptr) override;

    void publishLater(QList<Publication> events, Published done) override;

    /// Up to a page of the frames @p user may see after @p afterSeq.
    struct ReplayPage
    {
        QByteArray bytes;
        quint64 lastSeq = 0; ///< the stream has everything up to here once it has these bytes
        bool done = true; ///< false: more pages follow
    };
    [[nodiscard]] ReplayPage replayPage(const QString &user, quint64 afterSeq);
    /// The event as the dialect writes it (the contract's: `id:`, `event:`, `data:`, a blank line).
    [[nodiscard]] QByteArray frame(quint64 seq, const QByteArray &type, const QByteArray &data) const;

    [[nodiscard]] qint64 publishedCount() const { return m_published; }
    /// How many store calls group commits made, and how many publications they stored.
    [[nodiscard]] qint64 commitCount() const { return m_commits; }

    static constexpr qsizetype ReplayPageEvents = 500;
    /// The most events one group commit stores; what arrived beyond waits
    /// for the next (a store call of ~10 ms at most).
    static constexpr qsizetype MaxCommitEvents = 5'000;

private:
    struct Waiting
    {
        QList<Publication> events;
        Published done;
    };
    void enqueue(const StoredEvent &event);
    void flushBatch();
    void commit();

    EventStore &m_store;
    WorkerPool &m_workers;
    const Dialect &m_dialect;
    qint64 m_flushDelayMs;
    FrameBatch m_pendingBatch;
    bool m_flushScheduled = false;
    qint64 m_published = 0;
    QList<Waiting> m_waiting; ///< publishLater() calls not yet stored, in arrival order
    bool m_commitScheduled = false;
    qint64 m_commits = 0;
};

} // namespace Notify::Server
