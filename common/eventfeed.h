// SPDX-License-Identifier: MIT
#pragma once

#include "deliveryledger.h"
#include "eventinterpreter.h"

#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace Notify {

class NotificationListFetcher;
class SseClient;

/// Interpreted events, each once, whatever the backend: what notify-cli
/// `--interpret` prints and what the tray applies.
///
/// It reads an SseClient's events through an EventInterpreter. Events
/// without an SSE id (a backend that cannot resume) pass the DeliveryLedger
/// by their content first (those with one are the ledger's owner's to check),
/// and after a reconnect the feed catches up with what was sent while it
/// was away: it fetches the notifications list (NotificationListFetcher)
/// and delivers, oldest first, what it had not delivered yet. (notify-cli's
/// first list only is read, to know what is history: the first that
/// arrives, even if a reconnect asked for it.)
class EventFeed final : public QObject
{
    Q_OBJECT

public:
    explicit EventFeed(SseClient *client, QObject *parent = nullptr);

    void setInterpreter(const EventInterpreter &interpreter) { m_interpreter = interpreter; }
    [[nodiscard]] const EventInterpreter &interpreter() const { return m_interpreter; }
    /// The list to catch up from (invalid: no catch-up), and whether the
    /// first connect catches up too (the tray after a restart) or only
    /// reconnects do (notify-cli).
    void setCatchUp(const QUrl &listUrl, bool onFirstConnect);
    /// Where what was delivered is known (one of its own until one is set; not owned).
    void setLedger(DeliveryLedger *ledger) { m_ledger = ledger ? ledger : &m_ownLedger; }
    [[nodiscard]] DeliveryLedger &ledger() { return *m_ledger; }

    /// The wall clock (ms since the epoch); tests replace it.
    std::function<qint64()> clock;

signals:
    void eventReady(const Notify::InterpretedEvent &event);
    /// Something for the connection log: a keep-alive message, a catch-up.
    void logged(const QString &line);

private:
    void onEvent(const Notify::SseEvent &event);
    void onOpened();
    void onCaughtUp(const QList<QJsonObject> &items);
    void offer(const InterpretedEvent &event);
    [[nodiscard]] qint64 nowMs() const;

    SseClient *m_client;
    QNetworkAccessManager *m_network; ///< the client's
    NotificationListFetcher *m_fetcher;
    EventInterpreter m_interpreter;
    DeliveryLedger m_ownLedger;
    DeliveryLedger *m_ledger = &m_ownLedger;
    QUrl m_catchUpUrl;
    bool m_catchUpOnFirstConnect = false;
    /// Whether a list arrived (notify-cli: the first one is history, whichever open asked for it).
    bool m_historyRead = false;
    QSet<QByteArray> m_history; ///< what the first list that arrived held (notify-cli)
};

} // namespace Notify
