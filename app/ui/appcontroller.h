// SPDX-License-Identifier: MIT
#pragma once

#include "core/desktopsession.h"
#include "core/trayconfig.h"

#include <QPointer>
#include <QSet>

#include <functional>

#include <QObject>

namespace Notify::Tray {

class Desk;
class MainWindow;

/// What the window and the tray ask of the app as a whole: the settings
/// dialog and what becomes of its answer. The answer is saved (settings,
/// token in the keyring, start at login) and the session reconnects with
/// it; in the demo nothing is saved, because the demo's server goes away
/// with the app and must never replace the user's own.
class AppController final : public QObject
{
    Q_OBJECT

public:
    /// Settings are for the source @p window shows; with @p fromConfig its
    /// sources come from a config file, and only their tokens are kept here.
    AppController(MainWindow *window, bool demo, bool fromConfig, QObject *parent = nullptr);
    /// The same for every source of @p desk; @p locked: the keys the administrator locked ("sources",
    /// "rules", "quiet_hours"), kept as they are.
    AppController(Desk *desk, MainWindow *window, bool demo, bool fromConfig, const QSet<QString> &locked,
                  QObject *parent = nullptr);

    /// Runs the settings dialog (modal) and applies what it returns.
    void openSettings();
    /// File › Sources: add, edit, remove, reorder and test sources; what is
    /// saved goes to the user's config file (tokens to the keyring), and the
    /// desk follows it at once.
    void openSources();
    /// Keeps @p sources in the user's config file (its other keys stay) and their tokens in the keyring,
    /// and follows them; false with @p error when the file cannot be written.
    bool applySources(const QList<DesktopSession::Settings> &sources, QString *error = nullptr);
    /// Alerts › Rules and quiet hours.
    void openRules();
    /// Every source follows @p rules and @p quiet at once; they are kept in the user's config file.
    bool applyRules(const QList<Rule> &rules, const std::optional<QuietHours> &quiet, QString *error = nullptr);
    /// Where a source's history file goes: beside @p path (the history the app was started with,
    /// `--history` or the default; see Desk::historyPathFor()).
    void setHistoryPath(const QString &path) { m_historyPath = path; }
    /// Uses @p settings from now on, and keeps them unless this is the demo.
    void apply(const DesktopSession::Settings &settings, bool startAtLogin);

private:
    Desk *m_desk = nullptr;
    MainWindow *m_window;
    bool m_demo;
    bool m_fromConfig;
    bool m_sourcesLocked = false;
    bool m_dialogOpen = false;
    void apply(const DesktopSession::Settings &settings, bool startAtLogin, DesktopSession *session);
    QSet<QString> m_locked;
    QString m_historyPath;
    /// Writes the user's config file with @p change made to it (its other keys kept).
    bool writeUserConfig(const std::function<void(TrayConfig &)> &change, QString *error);
};

} // namespace Notify::Tray
