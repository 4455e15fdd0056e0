// SPDX-License-Identifier: MIT
#include "desk.h"

#include "historystore.h"
#include "notificationmodel.h"
#include "notifier.h"
#include "trayconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDesk, "notify.tray.desk", QtInfoMsg)

namespace Notify::Tray {

namespace {

/// One source's view of the desktop's notifier: its alerts' keys carry the
/// source, so that an action comes back to the source the alert is from.
class QualifiedNotifier final : public Notifier
{
public:
    explicit QualifiedNotifier(Notifier *desktop)
        : m_desktop(desktop)
    {
        if (!desktop)
            return;
        connect(desktop, &Notifier::actionInvoked, this, [this](const QString &key, const QString &action) {
            if (const auto own = unqualified(key))
                emit actionInvoked(*own, action);
        });
        connect(desktop, &Notifier::shown, this, [this](const QString &key) {
            if (const auto own = unqualified(key))
                emit shown(*own);
        });
    }
    /// Empty with one source: the keys are the notifications' ids, as before sources.
    void setPrefix(const QString &prefix) { m_prefix = prefix; }

    void show(const Alert &alert) override
    {
        if (!m_desktop)
            return;
        Alert qualified = alert;
        if (!alert.key.isEmpty())
            qualified.key = m_prefix + alert.key;
        m_desktop->show(qualified);
    }
    void withdraw(const QString &key) override
    {
        if (m_desktop)
            m_desktop->withdraw(m_prefix + key);
    }

private:
    [[nodiscard]] std::optional<QString> unqualified(const QString &key) const
    {
        if (m_prefix.isEmpty())
            return key;
        if (!key.startsWith(m_prefix))
            return std::nullopt;
        return key.mid(m_prefix.size());
    }

    Notifier *m_desktop;
    QString m_prefix;
};

} // namespace

struct Desk::Entry
{
    QString name;
    QString historyPath;
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<QualifiedNotifier> notifier;
    std::unique_ptr<DesktopSession> session; // last: it goes first
    bool started = false;
};

Desk::Desk(Notifier *notifier, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_network(network)
{ }

Desk::~Desk()
{
    stop();
}

QString Desk::historyPathFor(const QString &sourceName, const QString &legacyPath, bool first)
{
    if (legacyPath.isEmpty() || legacyPath == u":memory:")
        return legacyPath;
    const QFileInfo legacy(legacyPath);
    QString own = legacy.dir().filePath(QStringLiteral("history-%1.sqlite").arg(TrayConfigFile::slug(sourceName)));
    // The history from before sources belongs to the first one: it moves once.
    if (first && !QFile::exists(own) && legacy.exists()) {
        // With its write-ahead log, which holds what a killed app wrote last (the index is rebuilt).
        QFile::remove(legacyPath + u"-shm");
        const bool log = QFile::exists(legacyPath + u"-wal");
        if (log && !QFile::rename(legacyPath + u"-wal", own + u"-wal"))
            return legacyPath;
        if (QFile::rename(legacyPath, own)) {
            qCInfo(lcDesk).noquote() << "the history" << legacyPath << "is now" << sourceName << "'s:" << own;
        } else {
            if (log)
                QFile::rename(own + u"-wal", legacyPath + u"-wal");
            return legacyPath;
        }
    }
    return own;
}

DesktopSession *Desk::session(int index) const
{
    return m_entries.at(size_t(index))->session.get();
}

QList<DesktopSession *> Desk::sessions() const
{
    QList<DesktopSession *> out;
    for (const auto &entry : m_entries)
        out << entry->session.get();
    return out;
}

DesktopSession *Desk::session(const QString &name) const
{
    for (const auto &entry : m_entries) {
        if (entry->name.compare(name, Qt::CaseInsensitive) == 0)
            return entry->session.get();
    }
    return nullptr;
}

QString Desk::historyPathOf(const QString &name) const
{
    for (const auto &entry : m_entries) {
        if (entry->name.compare(name, Qt::CaseInsensitive) == 0)
            return entry->historyPath.isNull() ? QLatin1StringView("") : entry->historyPath;
    }
    return {};
}

int Desk::indexOf(const DesktopSession *session) const
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i]->session.get() == session)
            return int(i);
    }
    return -1;
}

void Desk::setSources(const QList<Source> &sources)
{
    // First the new list, without touching any session: what they do next emits signals, and whoever
    // hears them (the window, the tray) asks the desk for its sessions, which must all be whole by then.
    struct Change
    {
        DesktopSession::Settings settings;
        bool reconnect = false;
    };
    std::vector<std::unique_ptr<Entry>> kept;
    QList<Change> changes;
    const bool several = sources.size() > 1;
    for (const Source &source : sources) {
        const QString name = source.settings.sourceName;
        auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto &e) {
            return e && e->name.compare(name, Qt::CaseInsensitive) == 0 && e->historyPath == source.historyPath;
        });
        std::unique_ptr<Entry> entry;
        if (it != m_entries.end()) {
            entry = std::move(*it);
        } else {
            entry = std::make_unique<Entry>();
            entry->name = name;
            entry->historyPath = source.historyPath;
            if (!source.historyPath.isEmpty()) {
                entry->history = std::make_unique<HistoryStore>(source.historyPath);
                QString error;
                if (!entry->history->open(&error)) {
                    qCWarning(lcDesk).noquote()
                        << "no local history for" << name << "(" << error << "); continuing without";
                    entry->history.reset();
                }
            }
            entry->notifier = std::make_unique<QualifiedNotifier>(m_notifier);
            entry->session = std::make_unique<DesktopSession>(entry->history.get(), entry->notifier.get(), m_network);
            entry->session->setBatchClock(&m_clock);
            wire(*entry);
        }
        const SourceSettings before = entry->session->settings();
        const SourceSettings &after = source.settings;
        Change change;
        change.reconnect = entry->started
            && (before.server != after.server || before.token != after.token || before.auth != after.auth
                || before.streamPath != after.streamPath || before.notificationsPath != after.notificationsPath
                || before.mappingFile != after.mappingFile || before.user != after.user
                || before.caCertificateFile != after.caCertificateFile);
        change.settings = source.settings;
        // With several sources, each alert says whose it is, and comes back to it.
        change.settings.alertPrefix = several ? name + QStringLiteral(": ") : QString();
        entry->notifier->setPrefix(several ? name + QChar(0x1f) : QString());
        changes << change;
        kept.push_back(std::move(entry));
    }
    // What is left went away: stopped now, and destroyed (its history closed) once the window and the
    // tray have let go of it (sourcesChanged() below).
    std::vector<std::unique_ptr<Entry>> gone;
    for (auto &entry : m_entries) {
        if (entry)
            gone.push_back(std::move(entry));
    }
    m_entries = std::move(kept);
    for (const auto &entry : gone) {
        if (entry->started)
            entry->session->stop();
    }
    const bool paused = m_pausedUntil.isValid() && m_pausedUntil > QDateTime::currentDateTime();
    for (size_t i = 0; i < m_entries.size(); ++i) {
        DesktopSession *session = m_entries[i]->session.get();
        session->setSettings(changes.at(qsizetype(i)).settings);
        if (paused)
            session->pauseAlerts(m_pausedUntil);
        if (changes.at(qsizetype(i)).reconnect)
            session->reconnectNow();
        if (m_started && !std::exchange(m_entries[i]->started, true))
            session->start();
    }
    emit sourcesChanged();
}

void Desk::wire(Entry &entry)
{
    DesktopSession *session = entry.session.get();
    const auto changed = [this, session] { emit sourceChanged(session); };
    connect(session, &DesktopSession::connectionStateChanged, this, changed);
    connect(session, &DesktopSession::problemChanged, this, changed);
    connect(session, &DesktopSession::silenceChanged, this, changed);
    connect(session, &DesktopSession::eventsApplied, this, changed);
    connect(session->notifications(), &NotificationModel::unreadCountChanged, this, changed);
}

void Desk::start()
{
    m_started = true;
    for (const auto &entry : m_entries) {
        if (!std::exchange(entry->started, true))
            entry->session->start();
    }
}

void Desk::stop()
{
    if (!std::exchange(m_started, false))
        return;
    for (const auto &entry : m_entries) {
        if (std::exchange(entry->started, false))
            entry->session->stop();
    }
}

void Desk::pauseAlerts(const QDateTime &until)
{
    m_pausedUntil = until;
    for (const auto &entry : m_entries)
        entry->session->pauseAlerts(until);
}

QDateTime Desk::alertsPausedUntil() const
{
    return m_entries.empty() ? m_pausedUntil : m_entries.front()->session->alertsPausedUntil();
}

int Desk::unreadCount() const
{
    int unread = 0;
    for (const auto &entry : m_entries)
        unread += entry->session->notifications()->unreadCount();
    return unread;
}

bool Desk::unreadCountExact() const
{
    return std::all_of(m_entries.cbegin(), m_entries.cend(),
                       [](const auto &entry) { return entry->session->notifications()->unreadCountExact(); });
}

} // namespace Notify::Tray
