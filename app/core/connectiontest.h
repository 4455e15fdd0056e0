// SPDX-License-Identifier: MIT
#pragma once

#include "desktopsession.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Notify::Tray {

/// "Test connection" in the settings: opens the stream once with the given
/// settings and says, in words for people, what happened: it works, the
/// server cannot be reached (and why: no such host, refused, timed out),
/// TLS failed, the token was refused (and which scheme the server asks
/// for), or there is no stream at that path.
///
/// It keeps a QNetworkAccessManager of its own on purpose: it must make a
/// fresh connection with the settings being edited (another CA file, another
/// server), and Qt 6.4 pools connections by host, not by TLS configuration,
/// so the application's manager would answer with the session's connection.
class ConnectionTest final : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Works, Unreachable, Tls, TokenRefused, NoStream, NotAStream, Other };
    Q_ENUM(Outcome)

    explicit ConnectionTest(QObject *parent = nullptr);

    void start(const DesktopSession::Settings &settings, int timeoutMs = 10'000);
    void abort();
    [[nodiscard]] bool isRunning() const { return !m_reply.isNull(); }

signals:
    void finished(ConnectionTest::Outcome outcome, const QString &message);

private:
    void onMetaData();
    void onFinished();
    void finish(Outcome outcome, const QString &message);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    Notify::AuthScheme m_scheme = Notify::AuthScheme::Bearer;
    QString m_streamPath;
    bool m_done = false;
};

} // namespace Notify::Tray
