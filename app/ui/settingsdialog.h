// SPDX-License-Identifier: MIT
#pragma once

#include "desktopsession.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

/// Server URL, token, user name, alert choices, start at login and a CA
/// certificate file for private servers.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const DesktopSession::Settings &settings, QWidget *parent = nullptr);
    [[nodiscard]] DesktopSession::Settings settings() const;
    [[nodiscard]] bool startAtLogin() const;

private:
    DesktopSession::Settings m_settings;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_token;
    QLineEdit *m_caFile;
    QCheckBox *m_notifications;
    QCheckBox *m_orders;
    QCheckBox *m_messages;
    QCheckBox *m_presence;
    QCheckBox *m_autostart;
};
