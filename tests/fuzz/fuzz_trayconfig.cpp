// SPDX-License-Identifier: MIT
//
// libFuzzer target for notify-tray's config files (docs/CONFIGURATION.md):
// an administrator's, a user's or --config's. No crash or hang; a refused
// file says what is wrong with a line inside the file; a file taken is
// written back (Settings does) and read again to the same config, without
// its tokens; merging it over itself as every file changes nothing.

#include "core/trayconfig.h"

#include <cstdint>
#include <cstdlib>

using namespace Notify::Tray;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(bytes), qsizetype(size));
    QList<TrayConfigFile::Problem> problems;
    const auto config = TrayConfigFile::parse(input, QStringLiteral("fuzz.json"), &problems);
    const int lines = int(input.count('\n')) + 1;
    if (!config) {
        if (problems.isEmpty())
            std::abort(); // refused without a word
        for (const auto &problem : std::as_const(problems)) {
            if (problem.line < 1 || problem.line > lines || problem.message.isEmpty())
                std::abort();
        }
        return 0;
    }
    if (!problems.isEmpty())
        std::abort(); // taken, yet something said to be wrong
    TrayConfig withoutTokens = *config;
    if (withoutTokens.sources) {
        for (SourceConfig &source : *withoutTokens.sources)
            source.token.clear();
    }
    const auto again
        = TrayConfigFile::parse(TrayConfigFile::toJson(*config), QStringLiteral("written.json"), &problems);
    if (!again || !(*again == withoutTokens))
        std::abort(); // what Settings writes reads back the same
    const auto merged = TrayConfigFile::merge(config, config, config);
    if (merged.config.sources != config->sources || merged.config.rules != config->rules
        || merged.config.quietHours != config->quietHours)
        std::abort();
    return 0;
}
