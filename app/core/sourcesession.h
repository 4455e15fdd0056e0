// SPDX-License-Identifier: MIT
#pragma once

#include "common/apipaths.h"
#include "common/deliveryledger.h"
#include "common/interpretedevent.h"
#include "common/requestbuilder.h"
#include "common/sseclient.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
namespace Notify {
class EventFeed;
} // namespace Notify

namespace Notify::Tray {

class NotificationLoader;

/// Where one source is and how to read it.
struct SourceSettings
{
    QUrl server; ///< e.g. http://127.0.0.1:8787
    QByteArray token;
    Notify::AuthScheme auth = Notify::AuthScheme::Bearer;
    QString streamPath = QLatin1StringView(Notify::ApiPath::Stream);
    /// The notifications list: first snapshot, catch-up after reconnects, polling a backend without events.
    QString notificationsPath = QLatin1StringView(Notify::ApiPath::Notifications);
    /// A mapping file for another backend's names (docs/BACKENDS.md); empty: the built-in names.
    QString mappingFile;
    QString user; ///< who "me" is in messages and presence
    QString caCertificateFile;
};

/// One source of events: its stream (SseClient, read through EventFeed and
/// its interpreter, polling where streaming fails), exactly-once delivery
/// (DeliveryLedger: the journal and the content keys, kept in a
/// DeliveryStore), its notifications list (NotificationLoader) and how its
/// connection is doing, for people (the log, the problem). A tray with
/// several sources holds one per source; DesktopSession holds one now.
class SourceSession final : public QObject
{
    Q_OBJECT

public:
    SourceSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SourceSession() override;
    Q_DISABLE_COPY_MOVE(SourceSession)

    void setSettings(const SourceSettings &settings);
    [[nodiscard]] const SourceSettings &settings() const { return m_settings; }
    [[nodiscard]] Notify::Credentials credentials() const;

    /// Takes what @p store kept of deliveries (null: nothing is kept), then
    /// connects, resuming after the stored id.
    void start(Notify::DeliveryStore *store);
    void stop();
    void reconnectNow();

    [[nodiscard]] Notify::SseClient *client() const { return m_client; }
    [[nodiscard]] Notify::SseClient::State state() const { return m_client->state(); }
    [[nodiscard]] Notify::DeliveryLedger &ledger() { return m_ledger; }
    [[nodiscard]] const Notify::DeliveryLedger &ledger() const { return m_ledger; }
    [[nodiscard]] NotificationLoader *loader() const { return m_loader; }

    [[nodiscard]] QDateTime lastEventTime() const { return m_lastEventTime; }
    /// The recent connection log, newest last.
    [[nodiscard]] QStringList connectionLog() const { return m_log; }
    /// Why the connection is not working, for people (empty while it works).
    [[nodiscard]] QString lastProblem() const { return m_lastProblem; }
    /// The last HTTP status of a failed connection attempt (0: a network error).
    [[nodiscard]] int lastProblemStatus() const { return m_lastProblemStatus; }
    void log(const QString &line);

signals:
    /// An event not delivered before (by its id here, by its content in EventFeed).
    void eventAccepted(const Notify::InterpretedEvent &event);
    /// The server could not replay from our position: @p id is where it stands now.
    void resetReceived(const QByteArray &id);
    void opened();
    void stateChanged(Notify::SseClient::State state);
    void silenceChanged(bool silent);
    void problemChanged(const QString &problem);
    void logged(const QString &line);

private:
    void onEvent(const Notify::InterpretedEvent &event);
    void setProblem(const QString &problem, int status);

    SourceSettings m_settings;
    Notify::SseClient *m_client;
    Notify::EventFeed *m_feed;
    NotificationLoader *m_loader;
    Notify::DeliveryLedger m_ledger;
    QDateTime m_lastEventTime;
    QStringList m_log;
    QString m_lastProblem;
    int m_lastProblemStatus = 0;
};

} // namespace Notify::Tray
