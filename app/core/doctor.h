// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Notify::Tray {

/// `notify-tray --doctor`: what an administrator checks on a desktop,
/// without a display: the config files, the keyring, each source (reachable,
/// and the token taken), the desktop's notification service and a tray host.
/// One line per check (docs/CONFIGURATION.md, "Checking a desktop").
namespace Doctor {

struct Check
{
    enum class Result { Ok, Warning, Failed };
    Result result = Result::Ok;
    QString what; ///< "config", "keyring", "source Shop", "notifications", "tray"
    QString detail;
    /// "ok    source Shop: …", "warn  …", "FAIL  …".
    [[nodiscard]] QString line() const;
};

/// Runs every check, one after another (each source within @p timeoutMs).
/// @p explicitConfig is `--config`'s file (empty: none).
QList<Check> run(const QString &explicitConfig, int timeoutMs = 10'000);

} // namespace Doctor

} // namespace Notify::Tray
