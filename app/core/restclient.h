// SPDX-License-Identifier: MIT
#pragma once

#include "common/httpanswer.h"
#include "common/requestbuilder.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace Notify::Tray {

/// The REST side of the notify API, for the app: snapshots and actions.
/// Calls are asynchronous; the callback gets the Answer.
class RestClient final : public QObject
{
    Q_OBJECT

public:
    /// A REST answer, read once for everyone who asks (Notify::HttpAnswer).
    using Answer = Notify::HttpAnswer;
    using Callback = std::function<void(const Answer &answer)>;

    /// With a QNetworkAccessManager of its own.
    explicit RestClient(QObject *parent = nullptr);
    /// On the application's @p network (not owned).
    RestClient(QNetworkAccessManager *network, QObject *parent);

    void setServer(const QUrl &anyUrlOfTheServer) { m_server = anyUrlOfTheServer; }
    [[nodiscard]] QUrl server() const { return m_server; }
    void setCredentials(const Notify::Credentials &credentials) { m_requests.setCredentials(credentials); }

    void get(const QString &path, Callback callback);
    void post(const QString &path, const QJsonObject &body, Callback callback = {});
    void put(const QString &path, const QJsonObject &body, Callback callback = {});
    void del(const QString &path, Callback callback = {}) { send("DELETE", path, QByteArray(), std::move(callback)); }

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body, Callback callback);

    QNetworkAccessManager *m_network;
    QUrl m_server;
    Notify::RequestBuilder m_requests;
};

} // namespace Notify::Tray
