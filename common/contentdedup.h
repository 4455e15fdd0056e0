// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <deque>

namespace Notify {

/// Exactly once where events carry no id (a stream that cannot resume, a
/// catch-up list, polling): remembers what was delivered by its content key
/// (InterpretedEvent::contentKey).
///
/// Keys of notifications, messages and order updates are remembered until
/// they are among the oldest beyond the capacity (10,000); hash keys of
/// anything else only for a window (an hour), so that the same plain-text
/// alert on another day still shows. The entries can be saved and restored,
/// so that a restart alerts nothing twice.
class ContentDedup final
{
public:
    struct Entry
    {
        QByteArray key;
        qint64 seenMs = 0;
        bool expires = false;
    };

    static constexpr qsizetype DefaultCapacity = 10'000;
    static constexpr qint64 DefaultHashWindowMs = 3'600'000;

    explicit ContentDedup(qsizetype capacity = DefaultCapacity, qint64 hashWindowMs = DefaultHashWindowMs);

    /// True the first time @p key is offered (an expiring key: the first time
    /// within the window); it is remembered either way.
    bool accept(const QByteArray &key, bool expires, qint64 nowMs);
    /// Remembers @p key as delivered without asking (an event that came by id).
    void remember(const QByteArray &key, bool expires, qint64 nowMs);
    [[nodiscard]] bool contains(const QByteArray &key, qint64 nowMs) const;

    [[nodiscard]] qsizetype size() const { return m_seen.size(); }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    /// Oldest first, for saving.
    [[nodiscard]] QList<Entry> entries() const;
    void restore(const QList<Entry> &entries);

private:
    struct Seen
    {
        qint64 seenMs = 0;
        bool expires = false;
    };
    [[nodiscard]] bool isFresh(const Seen &seen, qint64 nowMs) const;
    void insert(const QByteArray &key, bool expires, qint64 nowMs);

    qsizetype m_capacity;
    qint64 m_hashWindowMs;
    QHash<QByteArray, Seen> m_seen;
    std::deque<QByteArray> m_order; ///< first seen first, for eviction
};

} // namespace Notify
