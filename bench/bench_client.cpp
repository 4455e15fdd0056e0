// SPDX-License-Identifier: MIT
//
// The client engine end to end: publish-to-signal latency through a real
// notify-server process, and what an idle client costs.
//
//   bench_client --server build/release/server/notify-server [--events 10000] [--idle-seconds 60]
//
// Starts the server (in memory, heartbeat 5 s) on a free loopback port,
// connects one SseClient, then publishes events one at a time through
// POST /api/v1/events/ and times each until eventReceived fires. Then it
// sits idle on the stream and reports its own CPU time and memory.

#include "benchsupport.h"
#include "common/sseclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

using BenchSupport::spinUntil;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOption({ QStringLiteral("server"), QStringLiteral("notify-server binary"), QStringLiteral("PATH") });
    cli.addOption(
        { QStringLiteral("events"), QStringLiteral("events to time"), QStringLiteral("N"), QStringLiteral("10000") });
    cli.addOption({ QStringLiteral("idle-seconds"), QStringLiteral("idle measurement"), QStringLiteral("S"),
                    QStringLiteral("60") });
    cli.process(app);
    const int events = cli.value(QStringLiteral("events")).toInt();
    const int idleSeconds = cli.value(QStringLiteral("idle-seconds")).toInt();

    QTemporaryDir dir;
    QFile users(dir.filePath(QStringLiteral("users.json")));
    users.open(QIODevice::WriteOnly);
    users.write(
        R"({"users":[{"name":"alice","token":"bench-alice-token"},{"name":"admin","token":"bench-admin-token","admin":true}]})");
    users.close();
    QProcess server;
    QByteArray output;
    const quint16 port
        = BenchSupport::startServer(server, cli.value(QStringLiteral("server")),
                                    { QStringLiteral("--users"), users.fileName(), QStringLiteral("--in-memory"),
                                      QStringLiteral("--heartbeat"), QStringLiteral("5") },
                                    &output);
    if (!port) {
        std::fprintf(stderr, "bench_client: the server did not start\n");
        return 1;
    }

    Notify::SseClient client;
    Notify::SseClient::Settings settings;
    settings.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/notifications/sse/stream/").arg(port));
    settings.credentials.token = "bench-alice-token";
    client.setSettings(settings);
    QElapsedTimer clock;
    clock.start();
    qint64 received = -1;
    qint64 receivedAtNs = 0;
    QObject::connect(&client, &Notify::SseClient::eventReceived, &client, [&](const Notify::SseEvent &event) {
        if (event.type == "bench") {
            receivedAtNs = clock.nsecsElapsed();
            received = QJsonDocument::fromJson(event.data).object().value(u"n").toInteger();
        }
    });
    client.start();
    spinUntil([&] { return client.state() == Notify::SseClient::State::Open; }, 10000);

    QTcpSocket publisher;
    publisher.connectToHost(QHostAddress::LocalHost, port);
    publisher.waitForConnected();
    QByteArray answers;
    QObject::connect(&publisher, &QTcpSocket::readyRead, &publisher, [&] { answers += publisher.readAll(); });
    QList<double> latenciesMs;
    for (int n = 0; n < events; ++n) {
        const QByteArray body = R"({"event":"bench","data":{"n":)" + QByteArray::number(n) + "}}";
        const qint64 sentNs = clock.nsecsElapsed();
        publisher.write("POST /api/v1/events/ HTTP/1.1\r\nAuthorization: Bearer bench-admin-token\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        publisher.flush();
        spinUntil([&] { return received == n; }, 5000);
        if (received != n) {
            std::fprintf(stderr, "bench_client: event %d did not arrive\n", n);
            return 1;
        }
        latenciesMs << double(receivedAtNs - sentNs) / 1e6;
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::printf(
        "publish (POST) to eventReceived over %d events, one at a time: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
        events, latenciesMs.at(latenciesMs.size() / 2), latenciesMs.at(int(latenciesMs.size() * 0.99)),
        latenciesMs.last());

    const double cpu0 = cpuSeconds();
    int comments = 0;
    QObject::connect(&client, &Notify::SseClient::commentReceived, &client, [&] { ++comments; });
    QElapsedTimer idle;
    idle.start();
    spinUntil([&] { return idle.elapsed() >= idleSeconds * 1000; }, idleSeconds * 1000 + 1000);
    std::printf(
        "idle for %d s on a stream with a 5 s heartbeat (%d heartbeats): client CPU %.3f s (%.4f %% of a core), "
        "RSS %ld KiB (the whole bench process: Qt, the client, the publisher socket)\n",
        idleSeconds, comments, cpuSeconds() - cpu0, 100.0 * (cpuSeconds() - cpu0) / idleSeconds, rssKiB());
    client.stop();
    server.terminate();
    server.waitForFinished();
    return 0;
}
