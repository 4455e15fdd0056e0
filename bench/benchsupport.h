// SPDX-License-Identifier: MIT
#pragma once

// What the Qt benchmarks share: waiting on the event loop, and a
// notify-server started as a process on a port of the system's choosing.

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <functional>

#include <csignal>
#include <sys/prctl.h>

namespace BenchSupport {

/// Runs the event loop (sleeping while there is nothing to do) until done().
inline void spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &timeout, [&timedOut] { timedOut = true; });
    timeout.start(timeoutMs);
    while (!done() && !timedOut)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// Starts @p program (notify-server) with @p arguments and `--port 0`, its
/// info logs off; the port it listens on, or 0 when it did not say within
/// 10 s (what it printed is in @p output).
inline quint16 startServer(QProcess &server, const QString &program, QStringList arguments, QByteArray *output)
{
    server.setProcessEnvironment([] {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("notify.*.info=false"));
        return env;
    }());
    arguments << QStringLiteral("--port") << QStringLiteral("0");
    // The server stops with the bench, even one that crashes or is killed (it would hold its port and
    // the pipe of whoever reads the bench's output).
    server.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    server.start(program, arguments);
    quint16 port = 0;
    spinUntil(
        [&] {
            *output += server.readAllStandardOutput();
            const auto m = QRegularExpression(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"))
                               .match(QString::fromUtf8(*output));
            port = m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
            return port != 0;
        },
        10000);
    return port;
}

} // namespace BenchSupport
