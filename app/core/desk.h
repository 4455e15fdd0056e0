// SPDX-License-Identifier: MIT
#pragma once

#include "desktopsession.h"

#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Notify::Tray {

class HistoryStore;
class Notifier;

/// Every source a staff member follows, streaming at once (docs/CONFIGURATION.md).
///
/// One DesktopSession per source: its stream, exactly-once delivery, lists,
/// actions, history file and alerts are its own, so a source that fails
/// stops nothing else, and one source's ids never meet another's. Their
/// alerts share the desktop's notifier: with more than one source, each
/// alert's title starts with its source's name ("Shop: Payment failed"),
/// and its key is qualified by the source so that an alert's action comes
/// back to the source it is from. Do not disturb is the desk's, for all.
/// The sessions apply their batches in the same waves (one BatchClock), so
/// that the window changes as often with several sources as with one.
class Desk final : public QObject
{
    Q_OBJECT

public:
    struct Source
    {
        DesktopSession::Settings settings; ///< settings.sourceName names it
        /// Its history: a file, ":memory:" (the demo), or empty for none.
        QString historyPath;
    };

    /// @p notifier and @p network are not owned.
    Desk(Notifier *notifier, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Desk() override;
    Q_DISABLE_COPY_MOVE(Desk)

    /// Takes @p sources in this order. A source that keeps its name keeps its
    /// session (and history), with the new settings; the others start or stop.
    void setSources(const QList<Source> &sources);
    [[nodiscard]] int count() const { return int(m_entries.size()); }
    [[nodiscard]] DesktopSession *session(int index) const;
    [[nodiscard]] QList<DesktopSession *> sessions() const;
    /// The session of the source named @p name (any case), or null.
    [[nodiscard]] DesktopSession *session(const QString &name) const;
    [[nodiscard]] int indexOf(const DesktopSession *session) const;
    /// The history of the source named @p name (any case); null when there is no such source.
    [[nodiscard]] QString historyPathOf(const QString &name) const;
    /// The source's name, as the window and the tray show it.
    [[nodiscard]] static QString nameOf(const DesktopSession *session) { return session->settings().sourceName; }

    void start();
    void stop();

    /// Do not disturb for every source until @p until (invalid: off).
    void pauseAlerts(const QDateTime &until);
    [[nodiscard]] QDateTime alertsPausedUntil() const;
    /// The unread notifications of every source (each the server's count).
    [[nodiscard]] int unreadCount() const;
    /// Whether every source's unread count is the whole truth.
    [[nodiscard]] bool unreadCountExact() const;

    /// A history file per source: the first source takes @p legacyPath (the
    /// history of the app before it had sources) when its own does not exist
    /// yet; the rest are `<dir of legacyPath>/history-<name>.sqlite`.
    [[nodiscard]] static QString historyPathFor(const QString &sourceName, const QString &legacyPath, bool first);

signals:
    /// Sources came or went (setSources()). The sessions of sources that went
    /// are stopped and still alive while this is emitted, and destroyed right after.
    void sourcesChanged();
    /// Something a source shows changed: its connection, its problem, its counts.
    void sourceChanged(Notify::Tray::DesktopSession *session);

private:
    struct Entry;
    void wire(Entry &entry);

    Notifier *m_notifier;
    QNetworkAccessManager *m_network;
    /// One wave of batches for every source (declared before the sessions: it outlives them).
    BatchClock m_clock{ DesktopSession::FlushIntervalMs };
    std::vector<std::unique_ptr<Entry>> m_entries;
    bool m_started = false;
    QDateTime m_pausedUntil;
};

} // namespace Notify::Tray
