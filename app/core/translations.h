// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Notify::Tray {

/// The app's translations (translations/notify_*.ts, built into the app).
namespace Translations {

/// Installs the translation for the user's languages (LANGUAGE, LC_MESSAGES,
/// LANG, as the system says), Qt's own for its dialogs, and English plural
/// forms ("1 notification", "2 notifications") under every language.
/// Returns the language installed ("de", "en").
QString install(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace Translations

} // namespace Notify::Tray
