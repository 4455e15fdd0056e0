// SPDX-License-Identifier: MIT
#pragma once

#include "core/notifier.h"

#include <QPointer>

class QSystemTrayIcon;

namespace Notify::Tray {

/// Alerts as the tray icon's balloon (QSystemTrayIcon::showMessage): what
/// Windows and macOS show natively, and the fallback where no freedesktop
/// notification service runs. A click on the balloon opens the item.
class TrayBalloonNotifier final : public Notifier
{
    Q_OBJECT

public:
    /// @p tray may be null until setTray(): the session that alerts through
    /// this is made before the tray icon is.
    explicit TrayBalloonNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);
    void setTray(QSystemTrayIcon *tray);

    void show(const Alert &alert) override;
    /// A balloon cannot be taken back; it goes by itself.
    void withdraw(const QString &) override { }

private:
    QPointer<QSystemTrayIcon> m_tray;
    QString m_lastKey; ///< the balloon on screen, for a click on it
};

} // namespace Notify::Tray
