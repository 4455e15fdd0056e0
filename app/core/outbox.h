// SPDX-License-Identifier: MIT
#pragma once

#include "restclient.h"

#include <QDateTime>
#include <QList>
#include <QObject>

class QTimer;

namespace Notify::Tray {

class HistoryStore;

/// What the user did that must reach the server: reads, unreads and
/// replies. Each action is kept (in the history, so a restart keeps it too)
/// until the server took it; an answer that waiting can fix (no answer, a
/// timeout, 429, 5xx) keeps it and tries again later (2 s, doubling to
/// 15 s, never before a `Retry-After`), and at once when the stream opens
/// again; a refused token keeps it until the stream opens with a good one;
/// any other answer gives it up. Every outcome is reported, so the window
/// can say what happened where the user acted.
///
/// At most MaxInFlight requests at once, in the order they were made, and
/// never two for the same notification at once (a read and the unread right
/// after it arrive in that order); a read and an unread of the same
/// notification that have not left yet cancel out.
class Outbox final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Read, Unread, Reply };
    Q_ENUM(Kind)

    struct Entry
    {
        qint64 id = 0; ///< the history's id (negative: not kept in the history)
        Kind kind = Kind::Read;
        QString notificationId; ///< Read, Unread
        QString to; ///< Reply
        QString body; ///< Reply
        QDateTime createdAt;
        int attempts = 0;
    };

    static constexpr int MaxInFlight = 6;
    static constexpr qint64 FirstRetryMs = 2'000;
    static constexpr qint64 MaxRetryMs = 15'000;

    /// @p history may be null (nothing survives a restart then).
    Outbox(RestClient *rest, HistoryStore *history, QObject *parent = nullptr);

    /// The actions a previous run left, queued again (once, at start).
    void restore();
    /// Reads or unreads of @p notificationIds (@p kind Read or Unread).
    void addStates(Kind kind, const QStringList &notificationIds);
    /// A reply; returns its entry's id (to follow it in the conversation).
    qint64 addReply(const QString &to, const QString &body);
    /// Tries everything waiting now (the stream is open again).
    void flush();
    /// Gives up everything (another server); returns what it was.
    QList<Entry> clear();

    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    /// The ids of the notifications with a waiting action of @p kind.
    [[nodiscard]] QStringList notificationIds(Kind kind) const;

signals:
    /// The server took it.
    void delivered(const Outbox::Entry &entry, const RestClient::Answer &answer);
    /// The server refused it; it is given up.
    void failed(const Outbox::Entry &entry, const RestClient::Answer &answer);
    /// Not taken yet; it is kept and tried again.
    void waiting(const Outbox::Entry &entry, const RestClient::Answer &answer);

private:
    qint64 keep(const Entry &entry);
    void forget(qint64 id);
    void pump();
    void send(Entry entry);
    void onAnswer(qint64 id, const RestClient::Answer &answer);
    [[nodiscard]] qsizetype indexOf(qint64 id) const;

    RestClient *m_rest;
    HistoryStore *m_history;
    QList<Entry> m_entries; ///< oldest first
    QList<qint64> m_inFlight;
    QTimer *m_retry;
    qint64 m_backoffMs = FirstRetryMs;
    qint64 m_nextLocalId = -1; ///< for entries the history did not keep
    bool m_paused = false; ///< after a failure: until the retry timer or flush()
};

} // namespace Notify::Tray
