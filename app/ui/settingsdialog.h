// SPDX-License-Identifier: MIT
#pragma once

#include "core/desktopsession.h"

#include <QDialog>

namespace Notify {
class TokenExchange;
} // namespace Notify

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;

namespace Notify::Tray {

class ConnectionTest;

/// Server URL, token, user name, alert choices, start at login, a CA
/// certificate file for private servers, and what another backend needs
/// (how the token is sent, the stream and list paths, a mapping file).
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    /// Welcome: the first start, with a word on what Notify does and where the token comes from.
    enum class Mode { Welcome, Settings };

    explicit SettingsDialog(const DesktopSession::Settings &settings, Mode mode = Mode::Settings,
                            QWidget *parent = nullptr);
    [[nodiscard]] DesktopSession::Settings settings() const;
    [[nodiscard]] bool startAtLogin() const;

    /// What is missing before it can be saved (empty: nothing).
    [[nodiscard]] QString missing() const;
    /// The password field of a source that signs in with a password (else null).
    [[nodiscard]] QLineEdit *passwordField() const { return m_password; }
    /// Takes the password away from the field and exchanges it for a token
    /// (Save does this); finished() tells how it went.
    void signIn();
    /// Shows the source's name (File › Sources): "Shop", before its alerts.
    void showNameField();
    [[nodiscard]] QPushButton *testButton() const { return m_test; }
    [[nodiscard]] QLabel *testResult() const { return m_result; }

signals:
    /// A sign-in with the password ended: @p message is empty when the token came.
    void signInFinished(const QString &message);

private:
    void validate();
    void testConnection();
    /// The fields changed: the test's result no longer says anything about them.
    void forgetResult();

    DesktopSession::Settings m_settings;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_token;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_name = nullptr;
    QFormLayout *m_form = nullptr;
    Notify::TokenExchange *m_exchange = nullptr;
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
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_missing;
    QDialogButtonBox *m_buttons;
    ConnectionTest *m_tester;
};

} // namespace Notify::Tray
