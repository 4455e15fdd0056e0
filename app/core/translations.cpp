// SPDX-License-Identifier: MIT
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Notify::Tray {

namespace Translations {

QString install(QCoreApplication *app, const QLocale &locale)
{
    // English first: it only holds plural forms, and any other language installed after it wins.
    auto *english = new QTranslator(app);
    if (english->load(QStringLiteral(":/i18n/notify_en.qm")))
        QCoreApplication::installTranslator(english);
    else
        delete english;
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *translator = new QTranslator(app);
    if (translator->load(locale, QStringLiteral("notify"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && translator->language() != u"en") {
        QCoreApplication::installTranslator(translator);
        return translator->language();
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace Translations

} // namespace Notify::Tray
