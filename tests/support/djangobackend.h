// SPDX-License-Identifier: MIT
#pragma once
// The reference Django backend (tests/backends/django) under gunicorn, on a
// loopback port gunicorn picks, with the test users; stopped when the
// object goes. Its cache poll, heartbeat and timeout are shortened so tests
// run in seconds. Needs NOTIFY_SOURCE_DIR defined by the test target.

#include "testusers.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

namespace TestSupport {

class DjangoBackend
{
public:
    explicit DjangoBackend(double pollSeconds = 0.2, double heartbeatSeconds = 1.0)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSE_POLL_SECONDS"), QString::number(pollSeconds));
        env.insert(QStringLiteral("SSE_HEARTBEAT_SECONDS"), QString::number(heartbeatSeconds));
        env.insert(QStringLiteral("NOTIFY_DJANGO_USERS"),
                   QStringLiteral(R"({"alice":"%1","bob":"%2"})")
                       .arg(QString::fromLatin1(AliceToken), QString::fromLatin1(BobToken)));
        // alice may sign in at /api-token-auth/ (obtain_auth_token) with AlicePassword; bob has no password.
        env.insert(QStringLiteral("NOTIFY_DJANGO_PASSWORDS"),
                   QStringLiteral(R"({"alice":"%1"})").arg(QString::fromLatin1(AlicePasswordHash)));
        env.insert(QStringLiteral("NOTIFY_DJANGO_PAGE_SIZE"), QStringLiteral("5")); // several pages in tests
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~DjangoBackend()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }
    Q_DISABLE_COPY_MOVE(DjangoBackend)

    bool start()
    {
        m_process.start(QStringLiteral(NOTIFY_SOURCE_DIR "/tests/backends/django/run.sh"), { QStringLiteral("0") });
        static const QRegularExpression listening(QStringLiteral("Listening at: http://127\\.0\\.0\\.1:(\\d+)"));
        const bool up = QTest::qWaitFor(
            [&] {
                m_log += m_process.readAll();
                const auto match = listening.match(QString::fromUtf8(m_log));
                if (match.hasMatch())
                    m_port = match.captured(1).toUShort();
                return m_port != 0 || m_process.state() == QProcess::NotRunning;
            },
            30000);
        if (!up || m_port == 0)
            qWarning().noquote() << "the Django backend did not start:" << m_log;
        return m_port != 0;
    }

    [[nodiscard]] QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    [[nodiscard]] QString streamUrl() const
    {
        return url(QStringLiteral("/api/v1/notifications/sse/stream/")).toString();
    }

    /// Pushes @p event (a JSON object) to @p user's event list, as the Django app does.
    bool publish(const QString &user, const QJsonObject &event, bool store = true)
    {
        return post(QStringLiteral("/test/publish/"),
                    QJsonObject{ { QStringLiteral("user"), user },
                                 { QStringLiteral("event"), event },
                                 { QStringLiteral("store"), store } });
    }
    /// Pushes raw text (plain text, broken JSON) as the data of an event.
    bool publishRaw(const QString &user, const QString &text)
    {
        return post(QStringLiteral("/test/publish/"),
                    QJsonObject{ { QStringLiteral("user"), user }, { QStringLiteral("raw"), text } });
    }
    /// Every open stream ends.
    bool dropStreams() { return post(QStringLiteral("/test/drop/"), {}); }
    /// The reference backend's design: every poll re-sends the whole cached list.
    bool setResendAll(bool on)
    {
        return post(QStringLiteral("/test/config/"), { { QStringLiteral("resend_all"), on } });
    }

private:
    bool post(const QString &path, const QJsonObject &body)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return done && status >= 200 && status < 300;
    }

    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace TestSupport
