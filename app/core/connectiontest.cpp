// SPDX-License-Identifier: MIT
#include "connectiontest.h"

#include "common/httpanswer.h"
#include "common/networkreplies.h"
#include "common/requestbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Notify::Tray {

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void ConnectionTest::start(const DesktopSession::Settings &settings, int timeoutMs)
{
    abort();
    m_done = false;
    m_scheme = settings.auth;
    m_streamPath = settings.streamPath;
    const Notify::RequestBuilder requests(
        Notify::Credentials{ settings.token, settings.auth, settings.caCertificateFile });
    QNetworkRequest request = requests.build(settings.server.resolved(QUrl(settings.streamPath)));
    request.setRawHeader("Accept", "text/event-stream");
    request.setTransferTimeout(timeoutMs);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ConnectionTest::onMetaData);
    connect(m_reply, &QNetworkReply::finished, this, &ConnectionTest::onFinished);
}

void ConnectionTest::abort()
{
    Notify::abandonReply(m_reply, this);
}

void ConnectionTest::finish(Outcome outcome, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    abort();
    emit finished(outcome, message);
}

void ConnectionTest::onMetaData()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the body says why; finished() reads it
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (type.startsWith("text/event-stream"))
        finish(Outcome::Works, tr("It works: the server opened the stream."));
    else
        finish(Outcome::NotAStream,
               tr("The server answered, but with %1 instead of an event stream: is the stream path right, "
                  "or is a login page or proxy in the way?")
                   .arg(type.isEmpty() ? tr("no content type") : QString::fromLatin1(type)));
}

void ConnectionTest::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (m_done || !reply)
        return;
    const Notify::HttpAnswer answer = Notify::HttpAnswer::read(reply);
    const int status = answer.status;
    const QString &detail = answer.serverMessage;
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return finish(Outcome::Unreachable,
                      tr("The server cannot be reached: there is no host %1.").arg(reply->url().host()));
    case QNetworkReply::ConnectionRefusedError:
        return finish(Outcome::Unreachable,
                      tr("The server cannot be reached: nothing answers on %1, port %2.")
                          .arg(reply->url().host())
                          .arg(reply->url().port(reply->url().scheme() == u"https" ? 443 : 80)));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return finish(Outcome::Unreachable, tr("The server cannot be reached: no answer in time."));
    case QNetworkReply::SslHandshakeFailedError:
        return finish(Outcome::Tls,
                      tr("The secure connection failed: %1. A private server needs its CA "
                         "certificate in the settings.")
                          .arg(reply->errorString()));
    default:
        break;
    }
    if (status == 401 || status == 403) {
        const QString hint = Notify::RequestBuilder::challengeHint(answer.challenge, m_scheme);
        const QByteArray asked = answer.challenge.trimmed().split(' ').value(0);
        return finish(
            Outcome::TokenRefused,
            hint.isEmpty()
                ? tr("The token was refused (HTTP %1%2). Check it, or ask for a new one.")
                      .arg(status)
                      .arg(asked.isEmpty() ? QString() : tr(", the server asks for %1").arg(QString::fromLatin1(asked)))
                : tr("The token was refused: %1. Change \"Send the token as\".").arg(hint));
    }
    if (status == 404)
        return finish(Outcome::NoStream,
                      tr("The server has no event stream at %1 (HTTP 404): check the stream path.").arg(m_streamPath));
    if (status != 0)
        return finish(Outcome::Other,
                      tr("The server answered HTTP %1%2.")
                          .arg(status)
                          .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
    finish(Outcome::Unreachable, tr("The server cannot be reached: %1.").arg(reply->errorString()));
}

} // namespace Notify::Tray
