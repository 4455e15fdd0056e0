// SPDX-License-Identifier: MIT
#pragma once

// What every notify-cli subcommand shares: exit codes, output lines, the
// connection options.

#include "common/requestbuilder.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace Cli {

enum ExitCode { Done = 0, Usage = 2, ServerSaidStop = 3, AuthRefused = 4, Failure = 5 };

QTextStream &out();
QTextStream &err();

/// Bytes as text exactly: UTF-8 without dropping a leading U+FEFF (a BOM
/// is data in an event, as the spec says).
[[nodiscard]] QString text(const QByteArray &utf8);
/// A JSON string literal, escaped as JSON wants it.
[[nodiscard]] QByteArray jsonString(const QString &text);
/// One compact JSON object per line, the keys in the order given (the
/// contract's), flushed at once.
void line(const QList<QPair<const char *, QByteArray>> &fields);

int usage(const QString &message, const QCommandLineParser &parser);

/// --token, --auth bearer|token|query, --ca-file.
void addConnectionOptions(QCommandLineParser &parser);
/// The credentials the options give, or nothing (with @p error) for an unknown --auth.
std::optional<Notify::Credentials> credentialsFrom(const QCommandLineParser &parser, QString *error);

} // namespace Cli
