// SPDX-License-Identifier: MIT
// What a claim costs: a real notify-server (a process, SQLite in a scratch
// directory, or Redis with --redis URL), a group of --members users each
// with an open stream, and --claims error notifications to the group, each
// claimed by a member in turn. Measured per claim:
//   - round trip: the claim's request sent until its 200 arrived;
//   - fan-out: the request sent until every member's stream has the
//     notification_claimed event (the slowest of the group);
//   - as the baseline, the same for marking a notification read (one user's
//     streams), on the same server in the same run;
//   - the server's CPU per claim (from /proc, user + system).
// Medians and p99 in ms. Requests one at a time (a person presses Claim).
//
//   bench_claims --server build/release/server/notify-server [--members 50] [--claims 300] [--redis URL]

#include "benchsupport.h"

#include "common/sseparser.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

/// One member's stream: counts the events of a type as they are parsed.
class MemberStream final : public Notify::SseParser::Listener
{
public:
    MemberStream(quint16 port, const QByteArray &token)
        : m_parser(this)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            QByteArray bytes = m_socket.readAll();
            if (!m_headDone) {
                m_head += bytes;
                const qsizetype end = m_head.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                m_headDone = true;
                bytes = m_head.mid(end + 4);
            }
            m_parser.feed(bytes);
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write("GET /api/v1/notifications/sse/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                       + token + "\r\n\r\n");
    }
    void onEvent(const Notify::SseEvent &event) override
    {
        if (event.type == "notification_claimed")
            ++claimed;
        else if (event.type == "notification_read")
            ++reads;
        else if (event.type == "notification")
            ++notifications;
    }
    [[nodiscard]] bool open() const { return m_headDone; }
    qint64 claimed = 0;
    qint64 reads = 0;
    qint64 notifications = 0;

private:
    QTcpSocket m_socket;
    Notify::SseParser m_parser;
    QByteArray m_head;
    bool m_headDone = false;
};

/// One keep-alive connection for requests, answered in order.
class Requests
{
public:
    explicit Requests(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    /// Sends and waits for the answer's status (its body is read and dropped).
    int call(const QByteArray &method, const QByteArray &path, const QByteArray &token, const QByteArray &body = {})
    {
        m_socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                       + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                       + "\r\n\r\n" + body);
        int status = 0;
        BenchSupport::spinUntil(
            [&] {
                m_buffer += m_socket.readAll();
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                const qsizetype at = m_buffer.indexOf("Content-Length:", 0);
                const qsizetype length = at >= 0 && at < end
                    ? m_buffer.mid(at + 15, m_buffer.indexOf("\r\n", at) - at - 15).trimmed().toLongLong()
                    : 0;
                if (m_buffer.size() < end + 4 + length)
                    return false;
                status = m_buffer.mid(9, 3).toInt();
                m_buffer.remove(0, end + 4 + length);
                return true;
            },
            10000);
        return status;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArrayList fields = stat.readAll().split(' ');
    // utime and stime: fields 14 and 15 (1-based), in clock ticks.
    return double(fields.value(13).toLongLong() + fields.value(14).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("server"), QStringLiteral("notify-server binary"), QStringLiteral("path") });
    parser.addOption(
        { QStringLiteral("members"), QStringLiteral("group size (50)"), QStringLiteral("n"), QStringLiteral("50") });
    parser.addOption({ QStringLiteral("claims"), QStringLiteral("claims measured (300)"), QStringLiteral("n"),
                       QStringLiteral("300") });
    parser.addOption({ QStringLiteral("redis"), QStringLiteral("run on this Redis"), QStringLiteral("url") });
    parser.process(app);
    const int members = parser.value(QStringLiteral("members")).toInt();
    const int claims = parser.value(QStringLiteral("claims")).toInt();
    if (!parser.isSet(QStringLiteral("server")) || members < 2 || claims < 1) {
        std::fprintf(stderr, "usage: bench_claims --server PATH [--members N>=2] [--claims N] [--redis URL]\n");
        return 2;
    }

    QTemporaryDir dir;
    QJsonArray users{ QJsonObject{ { QStringLiteral("name"), QStringLiteral("admin") },
                                   { QStringLiteral("token"), QStringLiteral("bench-admin-token") },
                                   { QStringLiteral("admin"), true } } };
    for (int i = 0; i < members; ++i) {
        users.append(QJsonObject{ { QStringLiteral("name"), QStringLiteral("m%1").arg(i) },
                                  { QStringLiteral("token"), QStringLiteral("bench-member-token-%1").arg(i) },
                                  { QStringLiteral("groups"), QJsonArray{ QStringLiteral("team") } } });
    }
    QFile usersFile(dir.filePath(QStringLiteral("users.json")));
    if (!usersFile.open(QIODevice::WriteOnly))
        return 1;
    usersFile.write(QJsonDocument(QJsonObject{ { QStringLiteral("users"), users } }).toJson());
    usersFile.close();

    QStringList arguments{ QStringLiteral("--users"), usersFile.fileName(), QStringLiteral("--max-streams-per-user"),
                           QStringLiteral("5") };
    if (parser.isSet(QStringLiteral("redis")))
        arguments << QStringLiteral("--redis") << parser.value(QStringLiteral("redis"));
    else
        arguments << QStringLiteral("--data-dir") << dir.filePath(QStringLiteral("data"));
    QProcess server;
    QByteArray output;
    const quint16 port = BenchSupport::startServer(server, parser.value(QStringLiteral("server")), arguments, &output);
    if (!port) {
        std::fprintf(stderr, "the server did not start: %s\n", output.constData());
        return 1;
    }
    const auto token
        = [](int member) -> QByteArray { return QByteArray("bench-member-token-") + QByteArray::number(member); };
    std::vector<std::unique_ptr<MemberStream>> streams;
    for (int i = 0; i < members; ++i)
        streams.push_back(std::make_unique<MemberStream>(port, token(i)));
    BenchSupport::spinUntil(
        [&] { return std::all_of(streams.begin(), streams.end(), [](const auto &s) { return s->open(); }); }, 10000);
    Requests admin(port);
    Requests person(port);

    // Every notification first (not measured), then the claims one by one.
    const int total = claims + claims; // half claimed, half marked read (the baseline)
    for (int done = 0; done < total;) {
        QJsonArray events;
        for (int i = 0; i < 1000 && done < total; ++i, ++done) {
            events.append(
                QJsonObject{ { QStringLiteral("event"), QStringLiteral("notification") },
                             { QStringLiteral("user"), QStringLiteral("@team") },
                             { QStringLiteral("data"),
                               QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("x%1").arg(done) },
                                            { QStringLiteral("title"), QStringLiteral("Payment failed") },
                                            { QStringLiteral("level"), QStringLiteral("error") } } } });
        }
        if (admin.call(
                "POST", "/api/v1/events/", "bench-admin-token",
                QJsonDocument(QJsonObject{ { QStringLiteral("events"), events } }).toJson(QJsonDocument::Compact))
            != 201)
            return 1;
    }
    BenchSupport::spinUntil(
        [&] {
            return std::all_of(streams.begin(), streams.end(),
                               [&](const auto &s) { return s->notifications >= total; });
        },
        30000);

    std::vector<double> claimTrip, claimFanout, readTrip, readFanout;
    const double cpuBefore = processCpuSeconds(server.processId());
    QElapsedTimer clock;
    for (int i = 0; i < claims; ++i) {
        const int who = i % members;
        clock.start();
        if (person.call("POST", "/api/v1/notifications/x" + QByteArray::number(i) + "/claim/", token(who)) != 200)
            return 1;
        claimTrip.push_back(double(clock.nsecsElapsed()) / 1e6);
        BenchSupport::spinUntil(
            [&] { return std::all_of(streams.begin(), streams.end(), [&](const auto &s) { return s->claimed > i; }); },
            10000);
        claimFanout.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const double cpuClaims = processCpuSeconds(server.processId()) - cpuBefore;
    const double cpuBeforeReads = processCpuSeconds(server.processId());
    for (int i = 0; i < claims; ++i) {
        const int who = i % members;
        clock.start();
        if (person.call("POST", "/api/v1/notifications/x" + QByteArray::number(claims + i) + "/read/", token(who))
            != 204)
            return 1;
        readTrip.push_back(double(clock.nsecsElapsed()) / 1e6);
        BenchSupport::spinUntil([&] { return streams[size_t(who)]->reads > i / members; }, 10000);
        readFanout.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const double cpuReads = processCpuSeconds(server.processId()) - cpuBeforeReads;
    std::printf("server: %s, group of %d members, %d claims and %d reads, one at a time\n",
                parser.isSet(QStringLiteral("redis")) ? "Redis" : "SQLite (WAL)", members, claims, claims);
    std::printf("%-34s %8s %8s\n", "", "p50 ms", "p99 ms");
    std::printf("%-34s %8.2f %8.2f\n", "claim: round trip (200)", percentile(claimTrip, 0.5),
                percentile(claimTrip, 0.99));
    std::printf("%-34s %8.2f %8.2f\n", "claim: all members' streams have it", percentile(claimFanout, 0.5),
                percentile(claimFanout, 0.99));
    std::printf("%-34s %8.2f %8.2f\n", "read: round trip (204)", percentile(readTrip, 0.5), percentile(readTrip, 0.99));
    std::printf("%-34s %8.2f %8.2f\n", "read: the reader's stream has it", percentile(readFanout, 0.5),
                percentile(readFanout, 0.99));
    std::printf("server CPU per claim (with its fan-out): %.0f us; per read: %.0f us\n", cpuClaims / claims * 1e6,
                cpuReads / claims * 1e6);
    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
