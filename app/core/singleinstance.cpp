// SPDX-License-Identifier: MIT
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>

namespace Notify::Tray {

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{ }

QString SingleInstance::nameForCurrentUser(const QString &application)
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME", QStringLiteral("user"));
    return application + u'-' + user;
}

QString SingleInstance::nameForProfile(const QString &application, const QStringList &profile)
{
    QString name = nameForCurrentUser(application);
    if (profile.isEmpty())
        return name;
    const QByteArray key = QCryptographicHash::hash(profile.join(u'\n').toUtf8(), QCryptographicHash::Sha256);
    return name + u'-' + QString::fromLatin1(key.toHex().left(12));
}

bool SingleInstance::askRunningToShow()
{
    QLocalSocket other;
    other.connectToServer(m_name);
    if (!other.waitForConnected(500))
        return false;
    other.write("show\n");
    other.waitForBytesWritten(1000);
    return true;
}

bool SingleInstance::listen()
{
    // A socket left by a crashed instance would make listen() fail.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            socket->deleteLater();
            emit activationRequested();
        }
    });
    return m_server->listen(m_name);
}

} // namespace Notify::Tray
