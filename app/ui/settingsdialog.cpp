// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const DesktopSession::Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_server(new QLineEdit(settings.server.toString()))
    , m_user(new QLineEdit(settings.user))
    , m_token(new QLineEdit(QString::fromUtf8(settings.token)))
    , m_caFile(new QLineEdit(settings.caCertificateFile))
    , m_auth(new QComboBox)
    , m_streamPath(new QLineEdit(settings.streamPath))
    , m_notificationsPath(new QLineEdit(settings.notificationsPath))
    , m_mappingFile(new QLineEdit(settings.mappingFile))
    , m_notifications(new QCheckBox(tr("Notifications")))
    , m_orders(new QCheckBox(tr("Order updates")))
    , m_messages(new QCheckBox(tr("Messages")))
    , m_presence(new QCheckBox(tr("Colleagues coming and going")))
    , m_autostart(new QCheckBox(tr("Start Notify when I log in")))
{
    setWindowTitle(tr("Notify settings"));
    m_token->setEchoMode(QLineEdit::Password);
    m_server->setPlaceholderText(QStringLiteral("https://notify.example.com"));
    m_notifications->setChecked(settings.alertNotifications);
    m_orders->setChecked(settings.alertOrders);
    m_messages->setChecked(settings.alertMessages);
    m_presence->setChecked(settings.alertPresence);
    m_autostart->setChecked(AppSettings::startsAtLogin());
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("CA certificate"), {}, tr("PEM certificates (*.pem *.crt)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *ca = new QHBoxLayout;
    ca->addWidget(m_caFile, 1);
    ca->addWidget(browse);
    m_auth->addItem(tr("Authorization: Bearer (notify-server)"), int(Notify::AuthScheme::Bearer));
    m_auth->addItem(tr("Authorization: Token (Django REST framework)"), int(Notify::AuthScheme::Token));
    m_auth->addItem(tr("In the address (?token=)"), int(Notify::AuthScheme::Query));
    m_auth->setCurrentIndex(m_auth->findData(int(settings.auth)));
    m_mappingFile->setPlaceholderText(tr("none: the built-in names"));
    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Token"), m_token);
    form->addRow(tr("CA certificate"), ca);
    form->addRow(tr("Send the token as"), m_auth);
    form->addRow(tr("Stream path"), m_streamPath);
    form->addRow(tr("Notifications list"), m_notificationsPath);
    form->addRow(tr("Mapping file"), m_mappingFile);
    auto *alerts = new QVBoxLayout;
    for (QCheckBox *box : { m_notifications, m_orders, m_messages, m_presence })
        alerts->addWidget(box);
    form->addRow(tr("Alert me about"), alerts);
    form->addRow(QString(), m_autostart);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

DesktopSession::Settings SettingsDialog::settings() const
{
    DesktopSession::Settings s = m_settings;
    s.server = QUrl::fromUserInput(m_server->text().trimmed());
    s.user = m_user->text().trimmed();
    s.token = m_token->text().trimmed().toUtf8();
    s.caCertificateFile = m_caFile->text().trimmed();
    s.auth = Notify::AuthScheme(m_auth->currentData().toInt());
    s.streamPath = m_streamPath->text().trimmed();
    s.notificationsPath = m_notificationsPath->text().trimmed();
    s.mappingFile = m_mappingFile->text().trimmed();
    s.alertNotifications = m_notifications->isChecked();
    s.alertOrders = m_orders->isChecked();
    s.alertMessages = m_messages->isChecked();
    s.alertPresence = m_presence->isChecked();
    return s;
}

bool SettingsDialog::startAtLogin() const
{
    return m_autostart->isChecked();
}
