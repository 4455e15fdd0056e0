// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "common/tokenexchange.h"
#include "core/appsettings.h"
#include "core/connectiontest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace Notify::Tray {

SettingsDialog::SettingsDialog(const DesktopSession::Settings &settings, Mode mode, QWidget *parent)
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
    , m_notifications(new QCheckBox(tr("&Notifications")))
    , m_orders(new QCheckBox(tr("&Order updates")))
    , m_messages(new QCheckBox(tr("&Messages")))
    , m_presence(new QCheckBox(tr("Colleagues &coming and going")))
    , m_autostart(new QCheckBox(tr("Start Notify when I &log in")))
    , m_test(new QPushButton(tr("T&est connection")))
    , m_result(new QLabel)
    , m_missing(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
    , m_tester(new ConnectionTest(this))
{
    setWindowTitle(mode == Mode::Welcome ? tr("Welcome to Notify") : tr("Notify settings"));
    m_token->setEchoMode(QLineEdit::Password);
    // No pre-filled address on a first start: the user's server is not ours. A config file's source keeps
    // its address: the user adds only what is missing.
    if (mode == Mode::Welcome && settings.token.isEmpty() && !settings.preset)
        m_server->clear();
    if (settings.sourceLocked) {
        for (QLineEdit *edit : { m_server, m_user }) {
            if (edit == m_user && settings.user.isEmpty())
                continue; // a name the administrator left to the user
            edit->setReadOnly(true);
            edit->setToolTip(tr("Set by your administrator"));
        }
    }
    m_server->setPlaceholderText(QStringLiteral("https://shop.example.com"));
    m_user->setPlaceholderText(tr("the name you sign in with"));
    m_token->setPlaceholderText(tr("your personal access token"));
    m_notifications->setChecked(settings.alertNotifications);
    m_orders->setChecked(settings.alertOrders);
    m_messages->setChecked(settings.alertMessages);
    m_presence->setChecked(settings.alertPresence);
    const bool byAdministrator = AppSettings::autostartSetByAdministrator();
    m_autostart->setChecked((mode == Mode::Welcome && !byAdministrator) || AppSettings::startsAtLogin());
    if (byAdministrator)
        m_autostart->setToolTip(
            tr("Your administrator starts Notify at everybody's login; unticking this turns it off for you only."));
    m_auth->addItem(tr("Authorization: Bearer (notify-server)"), int(Notify::AuthScheme::Bearer));
    m_auth->addItem(tr("Authorization: Token (Django REST framework)"), int(Notify::AuthScheme::Token));
    m_auth->addItem(tr("In the address (?token=)"), int(Notify::AuthScheme::Query));
    m_auth->setCurrentIndex(m_auth->findData(int(settings.auth)));
    m_mappingFile->setPlaceholderText(tr("none: the built-in names"));
    m_server->setAccessibleName(tr("Server address"));
    m_user->setAccessibleName(tr("User name"));
    m_token->setAccessibleName(tr("Access token"));
    m_token->setAccessibleDescription(tr("From your profile page on the server, or from your administrator"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Connection test result"));
    m_missing->setWordWrap(true);
    m_missing->setEnabled(false);

    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("CA certificate"), {}, tr("PEM certificates (*.pem *.crt)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *ca = new QHBoxLayout;
    ca->addWidget(m_caFile, 1);
    ca->addWidget(browse);

    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Welcome) {
        auto *intro
            = new QLabel(tr("<p><b>Notify</b> shows your shop's notifications, order updates, messages and who of your "
                            "colleagues is online, on your desktop, the moment they happen.</p>"
                            "<p>To connect, it needs the address of your server, your user name and your personal "
                            "<b>access token</b>. You find the token on your profile page on the server (often "
                            "<i>Profile › API token</i>); if there is none, your administrator can make one "
                            "(Django admin: <i>Auth Token › Tokens</i>).</p>"));
        intro->setWordWrap(true);
        intro->setTextFormat(Qt::RichText);
        layout->addWidget(intro);
    }
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("&Server"), m_server);
    form->addRow(tr("&User name"), m_user);
    if (settings.passwordSignIn) {
        // The password is asked once and exchanged for the token, which alone is kept.
        m_password = new QLineEdit;
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setAccessibleName(tr("Password"));
        m_password->setPlaceholderText(settings.token.isEmpty() ? tr("your password on the server")
                                                                : tr("signed in; a password signs in again"));
        m_exchange = new Notify::TokenExchange(new QNetworkAccessManager(this), this);
        form->addRow(tr("Pass&word"), m_password);
        m_token->setParent(this); // holds the token the password brings; never shown
        m_token->hide();
    } else {
        form->addRow(tr("&Token"), m_token);
    }
    auto *test = new QHBoxLayout;
    test->addWidget(m_test);
    test->addWidget(m_result, 1);
    form->addRow(QString(), test);
    auto *alerts = new QVBoxLayout;
    for (QCheckBox *box : { m_notifications, m_orders, m_messages, m_presence })
        alerts->addWidget(box);
    form->addRow(tr("Alert me about"), alerts);
    form->addRow(QString(), m_autostart);
    layout->addLayout(form);
    // Advanced: a box to tick, and the settings under it only while it is ticked.
    auto *advancedBox = new QCheckBox(tr("&Advanced: private servers and other backends"));
    auto *advanced = new QGroupBox;
    advancedBox->setChecked(mode == Mode::Settings
                            && (settings.auth != Notify::AuthScheme::Bearer || !settings.caCertificateFile.isEmpty()
                                || !settings.mappingFile.isEmpty()));
    auto *advancedForm = new QFormLayout(advanced);
    advancedForm->addRow(tr("Sen&d the token as"), m_auth);
    // A row whose field is a layout gets a label without a buddy, which would show its "&": one of our own.
    auto *caLabel = new QLabel(tr("CA ce&rtificate"));
    caLabel->setBuddy(m_caFile);
    advancedForm->addRow(caLabel, ca);
    advancedForm->addRow(tr("Stream &path"), m_streamPath);
    advancedForm->addRow(tr("Notifications l&ist"), m_notificationsPath);
    advancedForm->addRow(tr("Mapping &file"), m_mappingFile);
    const auto showAdvanced = [this, advanced](bool on) {
        advanced->setVisible(on);
        // The dialog takes the size of what it shows: nothing squeezed when it opens, no gap when it closes.
        QMetaObject::invokeMethod(
            this, [this] { adjustSize(); }, Qt::QueuedConnection);
    };
    connect(advancedBox, &QCheckBox::toggled, this, showAdvanced);
    showAdvanced(advancedBox->isChecked());
    layout->addWidget(advancedBox);
    layout->addWidget(advanced);
    layout->addWidget(m_missing);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Sa&ve"));
    if (mode == Mode::Welcome)
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    if (byAdministrator) {
        auto *note = new QLabel(tr("Your administrator starts Notify at everybody's login; unticking "
                                   "<i>Start Notify when I log in</i> turns it off for you only."));
        note->setWordWrap(true);
        note->setEnabled(false);
        form->addRow(QString(), note);
    }

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!missing().isEmpty())
            return;
        if (m_password && !m_password->text().isEmpty())
            signIn(); // accepted once the token came
        else
            accept();
    });
    connect(this, &SettingsDialog::signInFinished, this, [this](const QString &message) {
        if (message.isEmpty()) {
            accept();
            return;
        }
        m_result->setText(QStringLiteral("✘ ") + message);
        m_password->setFocus();
    });
    if (m_password) {
        connect(m_password, &QLineEdit::textChanged, this, &SettingsDialog::validate);
        connect(m_exchange, &Notify::TokenExchange::finished, this, [this](const Notify::TokenExchange::Result &r) {
            m_buttons->setEnabled(true);
            if (r.outcome == Notify::TokenExchange::Outcome::SignedIn)
                m_token->setText(QString::fromUtf8(r.token));
            emit signInFinished(r.outcome == Notify::TokenExchange::Outcome::SignedIn ? QString() : r.message);
        });
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_tester, &ConnectionTest::finished, this, [this](ConnectionTest::Outcome outcome, const QString &text) {
        m_test->setEnabled(true);
        m_result->setText((outcome == ConnectionTest::Outcome::Works ? QStringLiteral("✔ ") : QStringLiteral("✘ "))
                          + text);
    });
    for (QLineEdit *edit : { m_server, m_user, m_token })
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    // A result is about what was tested: an edit makes it old news.
    for (QLineEdit *edit : { m_server, m_user, m_token, m_caFile, m_streamPath, m_notificationsPath, m_mappingFile })
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::forgetResult);
    connect(m_auth, &QComboBox::activated, this, &SettingsDialog::forgetResult);
    validate();
}

QString SettingsDialog::missing() const
{
    QStringList what;
    if (m_name && (m_name->text().trimmed().isEmpty() || m_name->text().contains(u':')))
        what << tr("a name without a colon");
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (m_server->text().trimmed().isEmpty() || !server.isValid() || server.host().isEmpty())
        what << tr("the server's address");
    if (m_user->text().trimmed().isEmpty())
        what << tr("your user name");
    if (m_password) {
        if (m_token->text().trimmed().isEmpty() && m_password->text().isEmpty())
            what << tr("your password");
    } else if (m_token->text().trimmed().isEmpty()) {
        what << tr("your token");
    }
    if (what.isEmpty())
        return {};
    return tr("Still needed: %1.").arg(what.join(QStringLiteral(", ")));
}

void SettingsDialog::validate()
{
    const QString text = missing();
    m_missing->setText(text);
    m_missing->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(text.isEmpty());
    m_test->setEnabled(!m_server->text().trimmed().isEmpty() && !m_tester->isRunning());
}

void SettingsDialog::forgetResult()
{
    m_tester->abort();
    m_result->clear();
    validate();
}

void SettingsDialog::showNameField()
{
    if (m_name)
        return;
    m_name = new QLineEdit(m_settings.sourceName);
    m_name->setAccessibleName(tr("Source name"));
    m_name->setToolTip(tr("Shown in the window and before each of its alerts (\"Shop: Payment failed\")"));
    m_name->setMaxLength(40);
    m_name->setReadOnly(m_settings.sourceLocked);
    m_form->insertRow(0, tr("S&hown as"), m_name);
    connect(m_name, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    validate();
}

void SettingsDialog::signIn()
{
    if (!m_exchange)
        return;
    const QString password = m_password->text();
    m_password->clear(); // not kept, not even in the field
    m_buttons->setEnabled(false);
    m_result->setText(tr("Signing in…"));
    const DesktopSession::Settings s = settings();
    const auto endpoint = s.dialect == SourceConfig::Dialect::Django ? Notify::TokenExchange::Endpoint::Django
        : s.dialect == SourceConfig::Dialect::Contract               ? Notify::TokenExchange::Endpoint::Contract
                                                                     : Notify::TokenExchange::Endpoint::Auto;
    m_exchange->start(s.server, s.user, password, endpoint, s.caCertificateFile);
}

void SettingsDialog::testConnection()
{
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    m_tester->start(settings());
}

DesktopSession::Settings SettingsDialog::settings() const
{
    DesktopSession::Settings s = m_settings;
    if (m_name)
        s.sourceName = m_name->text().trimmed();
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

} // namespace Notify::Tray
