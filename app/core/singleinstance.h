// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QLocalServer;

namespace Notify::Tray {

/// One running app per user: a second launch asks the first one to show
/// itself and exits.
///
/// Through a QLocalServer named after the user (a Unix socket here, a named
/// pipe on Windows), so it needs no D-Bus.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    /// @p name: unique per user, e.g. "notify-tray-" + the user name.
    explicit SingleInstance(QString name, QObject *parent = nullptr);

    /// True when another instance runs; it was asked to show itself.
    [[nodiscard]] bool askRunningToShow();
    /// Becomes the running instance: later launches reach activationRequested().
    bool listen();

    /// The name for the current user.
    [[nodiscard]] static QString nameForCurrentUser(const QString &application);
    /// The name for the current user and a profile: @p profile names what
    /// makes it another one (`--config`'s file, `--history`'s, another
    /// XDG_CONFIG_HOME). The default profile (empty) has nameForCurrentUser()'s
    /// name, so a plain second launch still raises the first; another profile
    /// runs beside it, as a second account by hand.
    [[nodiscard]] static QString nameForProfile(const QString &application, const QStringList &profile);

signals:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace Notify::Tray
