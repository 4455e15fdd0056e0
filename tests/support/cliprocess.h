// SPDX-License-Identifier: MIT
#pragma once
// notify-cli as a child process: its JSON lines, its exit code. The binary's
// path comes from the NOTIFY_CLI_BINARY definition of the test target.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class Cli
{
public:
    explicit Cli(const QStringList &arguments,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(NOTIFY_CLI_BINARY), arguments);
        m_process.waitForStarted();
    }
    ~Cli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Writes @p bytes to the CLI's standard input and closes it.
    void input(const QByteArray &bytes)
    {
        m_process.write(bytes);
        m_process.closeWriteChannel();
    }
    // Spins the event loop (the in-process server needs it) until the CLI has exited.
    bool finished(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }
    QList<QJsonObject> lines()
    {
        m_out += m_process.readAllStandardOutput();
        QList<QJsonObject> out;
        for (const QByteArray &line : m_out.split('\n')) {
            if (!line.isEmpty())
                out << QJsonDocument::fromJson(line).object();
        }
        return out;
    }
    QByteArray rawOut()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }
    QByteArray err() { return m_process.readAllStandardError(); }
    int exitCode() const { return m_process.exitCode(); }

private:
    QProcess m_process;
    QByteArray m_out;
};
