// SPDX-License-Identifier: MIT
#pragma once

#include "desktopsession.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

/// Server URL, token, user name, alert choices, start at login, a CA
/// certificate file for private servers, and what another backend needs
/// (how the token is sent, the stream and list paths, a mapping file).
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
    QComboBox *m_auth;
    QLineEdit *m_streamPath;
    QLineEdit *m_notificationsPath;
    QLineEdit *m_mappingFile;
    QCheckBox *m_notifications;
    QCheckBox *m_orders;
    QCheckBox *m_messages;
    QCheckBox *m_presence;
    QCheckBox *m_autostart;
};
