// SPDX-License-Identifier: MIT
#pragma once

#include "desktopsession.h"

#include <QString>

namespace Notify::Tray {

/// Where the app's settings live: QSettings for everything but the token,
/// which goes to the desktop keyring (QtKeychain) or, where no keyring runs,
/// to a file only the user can read, and says so.
namespace AppSettings {

/// The saved settings; the token only with @p withToken (the demo never
/// touches the keyring).
DesktopSession::Settings load(bool withToken = true);
void save(const DesktopSession::Settings &settings);
/// True once the user saved settings at least once.
bool configured();

/// Reads the token; @p where tells the user where it is kept. @p source
/// names a source of the config file (each keeps its own token); empty: the
/// token of the app's own settings, from before sources.
QByteArray loadToken(QString *where = nullptr, const QString &source = {});
/// Stores the token; returns a sentence for the user about where it went.
QString saveToken(const QByteArray &token, const QString &source = {});

/// Whether the desktop starts the app at login: the user's autostart entry
/// when there is one (unless it says Hidden=true), else an administrator's in
/// `$XDG_CONFIG_DIRS/autostart/` (the XDG autostart rules).
bool startsAtLogin();
/// Whether an administrator's autostart entry exists (Settings says so).
bool autostartSetByAdministrator();
/// Writes or removes the user's XDG autostart entry. Off over an
/// administrator's entry is a user entry of the same name with Hidden=true;
/// on again removes it, so the administrator's applies.
bool setStartsAtLogin(bool enabled, QString *error = nullptr);

} // namespace AppSettings

} // namespace Notify::Tray
