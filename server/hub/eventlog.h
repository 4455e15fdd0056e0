// SPDX-License-Identifier: MIT
#pragma once

#include "connectionworker.h"
#include "eventpublisher.h"

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
/// rather than once per socket.
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

    static constexpr qsizetype ReplayPageEvents = 500;

private:
    void enqueue(const StoredEvent &event);
    void flushBatch();

    EventStore &m_store;
    WorkerPool &m_workers;
    const Dialect &m_dialect;
    qint64 m_flushDelayMs;
    FrameBatch m_pendingBatch;
    bool m_flushScheduled = false;
    qint64 m_published = 0;
};

} // namespace Notify::Server
