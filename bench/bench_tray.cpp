// SPDX-License-Identifier: MIT
//
// notify-tray under a backlog: the real session and window (offscreen), a
// real notify-server in another process, a 10,000-notification history.
//
//   bench_tray --server build/release/server/notify-server [--history 10000]
//              [--burst 10000] [--rate 100] [--steady-seconds 30] [--runs 3]
//
// Per run, with the window showing the notifications list:
//  - burst: a publisher (this program again, as a child process) sends
//    --burst events as fast as the server takes them (80 % notifications,
//    15 % order updates, 5 % messages); measured: the time from the first
//    publish until the last one was published and until the app has applied
//    it, and the longest event-loop stall meanwhile (how late a 10 ms timer
//    fired);
//  - backlog: the same number published while the connection was down, then
//    the stream reconnects and catches up from its Last-Event-ID (all of it
//    there at once: the purest "time to absorb");
//  - steady: --rate events/s for --steady-seconds; measured: the app's CPU
//    (this process, so the window's painting counts) and the longest stall.
// Alerts are off (no notifier): what they cost is the desktop's.
//
// With --sources N (issue 21): N servers and one Desk of N sources, each
// with a --history of its own; measured: the start-up until every source's
// window rows are shown and every stream is open, then --rate events/s in
// all, spread evenly over the N sources, for --steady-seconds (the app's CPU
// and RSS). Run it with --sources 1 and --sources 3 to compare.
//
// It builds against the code before issue 12 too (bench/compare-builds.sh
// style: copy this file into the older tree), which is how the "before"
// figures in docs/BENCHMARKS.md were taken.

#include "benchsupport.h"
#include "common/sseclient.h"
#include "core/desk.h"
#include "core/desktopsession.h"
#include "core/historystore.h"
#include "core/notificationmodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Notify::Tray;

namespace {

const QByteArray AdminToken = "bench-admin-token";
const QByteArray AliceToken = "bench-alice-token";

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
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

// Runs the event loop (sleeping while there is nothing to do) until done().
using BenchSupport::spinUntil;

// Event number n of a publisher run: the mix staff see in a busy hour (the
// "history" run: notifications only).
QByteArray eventBody(const QString &run, int n)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QJsonObject data;
    QString type;
    const bool mixed = run != u"history";
    if (mixed && n % 20 == 19) {
        type = QStringLiteral("message");
        data = { { QStringLiteral("message_id"), QStringLiteral("%1-m%2").arg(run).arg(n) },
                 { QStringLiteral("from"), QStringLiteral("bob") },
                 { QStringLiteral("to"), QStringLiteral("alice") },
                 { QStringLiteral("body"), QStringLiteral("Can you look at order A-%1?").arg(n % 500) },
                 { QStringLiteral("sent_at"), now } };
    } else if (mixed && n % 20 >= 16) {
        static const char *const States[] = { "confirmed", "processing", "shipped", "delivered" };
        type = QStringLiteral("order_status");
        data = { { QStringLiteral("order_id"), QStringLiteral("A-%1").arg(n % 500) },
                 { QStringLiteral("status"), QString::fromLatin1(States[(n / 500) % 4]) },
                 { QStringLiteral("updated_at"), now } };
    } else {
        static const char *const Levels[] = { "info", "info", "success", "warning", "error" };
        type = QStringLiteral("notification");
        data = { { QStringLiteral("notification_id"), QStringLiteral("%1-n%2").arg(run).arg(n) },
                 { QStringLiteral("title"), QStringLiteral("Order A-%1 needs attention (%2)").arg(n % 500).arg(n) },
                 { QStringLiteral("body"), QStringLiteral("The customer asked about delivery.\nSecond line.") },
                 { QStringLiteral("level"), QString::fromLatin1(Levels[n % 5]) },
                 { QStringLiteral("category"), n % 3 ? QStringLiteral("orders") : QStringLiteral("payments") },
                 { QStringLiteral("created_at"), now } };
    }
    return QJsonDocument(QJsonObject{ { QStringLiteral("event"), type },
                                      { QStringLiteral("user"), QStringLiteral("alice") },
                                      { QStringLiteral("data"), data } })
        .toJson(QJsonDocument::Compact);
}

// The publisher (a child process): --count events over one keep-alive
// connection, pipelined (at most 64 unanswered), at --rate per second (0: as
// fast as the server answers). Exits 0 once every event got its 201.
int publish(quint16 port, const QString &run, int count, int rate)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return 2;
    int sent = 0;
    int answered = 0;
    QByteArray answers;
    QElapsedTimer clock;
    clock.start();
    const auto pump = [&] {
        const qint64 allowed = rate > 0 ? std::min<qint64>(count, clock.elapsed() * rate / 1000 + 1) : count;
        while (sent < allowed && sent - answered < 64) {
            const QByteArray body = eventBody(run, sent++);
            socket.write("POST /api/v1/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + AdminToken
                         + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                         + "\r\n\r\n" + body);
        }
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        answers += socket.readAll();
        qsizetype at = 0;
        while ((at = answers.indexOf("HTTP/1.1 ", at)) >= 0) {
            if (!answers.mid(at + 9, 3).startsWith("201")) {
                std::fprintf(stderr, "publisher: %s\n", answers.mid(at, 200).constData());
                QCoreApplication::exit(3);
            }
            ++answered;
            at += 9;
        }
        answers = answers.mid(answers.lastIndexOf("HTTP/1.1 ") + 9); // keep only a partial tail
        pump();
        if (answered >= count)
            QCoreApplication::exit(0);
    });
    QTimer pacer;
    QObject::connect(&pacer, &QTimer::timeout, &socket, pump);
    pacer.start(5);
    pump();
    return QCoreApplication::exec();
}

// How late a 10 ms timer fires: the longest time the event loop was busy.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = std::max(m_worstNs, now - m_lastNs - IntervalMs * 1'000'000);
            m_lastNs = now;
        });
        m_clock.start();
    }
    void reset()
    {
        m_worstNs = 0;
        m_lastNs = m_clock.nsecsElapsed();
        m_timer.start(IntervalMs);
    }
    void stop() { m_timer.stop(); }
    [[nodiscard]] double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    static constexpr int IntervalMs = 10;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// --sources N: several sources at once (see the top of this file).
int benchSources(int sources, int historySize, int rate, int steadySeconds, const QString &serverBinary,
                 bool withWindow)
{
    QTemporaryDir dir;
    QFile users(dir.filePath(QStringLiteral("users.json")));
    if (!users.open(QIODevice::WriteOnly))
        return 1;
    users.write(R"({"users":[{"name":"alice","token":")" + AliceToken
                + R"("},{"name":"bob","token":"bench-bob-token"},)" + R"({"name":"admin","token":")" + AdminToken
                + R"(","admin":true}]})");
    users.close();
    std::vector<std::unique_ptr<QProcess>> servers;
    QList<quint16> ports;
    for (int i = 0; i < sources; ++i) {
        servers.push_back(std::make_unique<QProcess>());
        servers.back()->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray output;
        const quint16 port
            = BenchSupport::startServer(*servers.back(), serverBinary,
                                        { QStringLiteral("--users"), users.fileName(), QStringLiteral("--in-memory"),
                                          QStringLiteral("--timeout"), QStringLiteral("86400") },
                                        &output);
        if (!port) {
            std::fprintf(stderr, "bench_tray: server %d did not start: %s\n", i, output.constData());
            return 1;
        }
        ports << port;
    }
    const auto publisher = [](QProcess &process, quint16 port, const QString &run, int count, int perSecond) {
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QCoreApplication::applicationFilePath(),
                      { QStringLiteral("--publish-to"), QString::number(port), QStringLiteral("--publish-run"), run,
                        QStringLiteral("--publish-count"), QString::number(count), QStringLiteral("--publish-rate"),
                        QString::number(perSecond) });
        return process.waitForStarted();
    };
    QList<Desk::Source> list;
    for (int i = 0; i < sources; ++i) {
        Desk::Source source;
        source.settings.sourceName = QStringLiteral("Source %1").arg(i + 1);
        source.settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(ports.at(i)));
        source.settings.token = AliceToken;
        source.settings.user = QStringLiteral("alice");
        source.historyPath = dir.filePath(QStringLiteral("history-%1.sqlite").arg(i));
        list << source;
        // Its history: a day's notifications, absorbed by a session of its own first.
        if (historySize <= 0)
            continue;
        HistoryStore history(source.historyPath);
        QString error;
        if (!history.open(&error))
            return 1;
        DesktopSession filler(&history, nullptr);
        filler.setSettings(source.settings);
        filler.start();
        spinUntil([&] { return filler.client()->state() == Notify::SseClient::State::Open; }, 30000);
        QProcess fill;
        if (!publisher(fill, ports.at(i), QStringLiteral("history"), historySize, 0))
            return 1;
        spinUntil(
            [&] {
                return filler.notifications()->rowCount() >= std::min(historySize, 10000)
                    && filler.pendingEvents() == 0;
            },
            1800000);
        filler.stop();
        fill.waitForFinished();
    }

    QElapsedTimer startup;
    startup.start();
    // One QNetworkAccessManager for every source, as the app has (one connection pool, one HTTP thread).
    QNetworkAccessManager network;
    Desk desk(nullptr, &network);
    desk.setSources(list);
    MainWindow window(&desk);
    window.resize(1100, 700);
    if (withWindow)
        window.show();
    desk.start();
    const auto allOpen = [&] {
        for (DesktopSession *session : desk.sessions()) {
            if (session->connectionState() != Notify::SseClient::State::Open
                || session->notifications()->rowCount() < std::min(historySize, 10000))
                return false;
        }
        return true;
    };
    spinUntil(allOpen, 60000);
    QCoreApplication::processEvents();
    const qint64 startupMs = startup.elapsed();
    if (!allOpen()) {
        std::fprintf(stderr, "bench_tray: the sources did not all connect\n");
        return 1;
    }
    qint64 rows = 0;
    for (DesktopSession *session : desk.sessions())
        rows += session->notifications()->rowCount();

    qint64 received = 0;
    for (DesktopSession *session : desk.sessions()) {
        QObject::connect(session->client(), &Notify::SseClient::eventReceived, &desk, [&](const Notify::SseEvent &e) {
            if (e.type == "notification" || e.type == "order_status" || e.type == "message")
                ++received;
        });
    }
    // Steady: the same total, spread evenly.
    const int total = rate * steadySeconds;
    const int each = total / sources;
    std::vector<std::unique_ptr<QProcess>> publishers;
    const double cpu0 = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < sources; ++i) {
        publishers.push_back(std::make_unique<QProcess>());
        if (!publisher(*publishers.back(), ports.at(i), QStringLiteral("steady%1").arg(i), each, rate / sources))
            return 1;
    }
    const auto absorbed = [&] {
        const QList<DesktopSession *> sessions = desk.sessions(); // one list: its begin and its end
        return received >= qint64(each) * sources
            && std::all_of(sessions.cbegin(), sessions.cend(), [](auto *s) { return s->pendingEvents() == 0; });
    };
    spinUntil(absorbed, steadySeconds * 1000 + 60000);
    const double cpu = cpuSeconds() - cpu0;
    const double wall = double(clock.elapsed()) / 1000;
    if (!absorbed()) {
        std::fprintf(stderr, "bench_tray: %lld of %d steady events arrived\n", received, each * sources);
        for (const DesktopSession *session : desk.sessions())
            std::fprintf(stderr, "bench_tray: %s: %d event(s) not applied, %d row(s)\n",
                         qPrintable(Desk::nameOf(session)), session->pendingEvents(),
                         session->notifications()->rowCount());
        return 1;
    }
    for (auto &p : publishers)
        p->waitForFinished();
    std::printf("sources %d: %lld rows (%d per source) shown and every stream open in %lld ms\n", sources, rows,
                std::min(historySize, 10000), startupMs);
    std::printf("sources %d: steady %d events/s in all for %.0f s: %.2f %% of a core; RSS %ld KiB\n", sources, rate,
                wall, 100.0 * cpu / wall, rssKiB());
    desk.stop();
    for (auto &server : servers) {
        server->terminate();
        server->waitForFinished();
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) // offscreen unless told (xcb under Xvfb)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOptions({
        { QStringLiteral("server"), QStringLiteral("notify-server binary"), QStringLiteral("PATH") },
        { QStringLiteral("history"), QStringLiteral("notifications in the history"), QStringLiteral("N"),
          QStringLiteral("10000") },
        { QStringLiteral("burst"), QStringLiteral("events per burst"), QStringLiteral("N"), QStringLiteral("10000") },
        { QStringLiteral("rate"), QStringLiteral("steady events/s"), QStringLiteral("N"), QStringLiteral("100") },
        { QStringLiteral("steady-seconds"), QStringLiteral("steady measurement"), QStringLiteral("S"),
          QStringLiteral("30") },
        { QStringLiteral("runs"), QStringLiteral("bursts and backlogs (medians)"), QStringLiteral("N"),
          QStringLiteral("3") },
        { QStringLiteral("no-window"), QStringLiteral("the session alone, no window (what the window costs)") },
        { QStringLiteral("sources"), QStringLiteral("several sources at once (issue 21): N servers, one Desk"),
          QStringLiteral("N") },
        { QStringLiteral("publish-to"), QStringLiteral("(internal) publisher mode"), QStringLiteral("PORT") },
        { QStringLiteral("publish-run"), QStringLiteral("(internal)"), QStringLiteral("NAME") },
        { QStringLiteral("publish-count"), QStringLiteral("(internal)"), QStringLiteral("N") },
        { QStringLiteral("publish-rate"), QStringLiteral("(internal)"), QStringLiteral("N") },
    });
    cli.process(app);
    if (cli.isSet(QStringLiteral("publish-to")))
        return publish(quint16(cli.value(QStringLiteral("publish-to")).toUInt()),
                       cli.value(QStringLiteral("publish-run")), cli.value(QStringLiteral("publish-count")).toInt(),
                       cli.value(QStringLiteral("publish-rate")).toInt());
    const int historySize = cli.value(QStringLiteral("history")).toInt();
    const int burst = cli.value(QStringLiteral("burst")).toInt();
    const int rate = cli.value(QStringLiteral("rate")).toInt();
    const int steadySeconds = cli.value(QStringLiteral("steady-seconds")).toInt();
    const int runs = cli.value(QStringLiteral("runs")).toInt();
    if (cli.isSet(QStringLiteral("sources")))
        return benchSources(std::max(1, cli.value(QStringLiteral("sources")).toInt()), historySize, rate, steadySeconds,
                            cli.value(QStringLiteral("server")), !cli.isSet(QStringLiteral("no-window")));

    QTemporaryDir dir;
    QFile users(dir.filePath(QStringLiteral("users.json")));
    if (!users.open(QIODevice::WriteOnly))
        return 1;
    users.write(R"({"users":[{"name":"alice","token":")" + AliceToken
                + R"("},{"name":"bob","token":"bench-bob-token"},)" + R"({"name":"admin","token":")" + AdminToken
                + R"(","admin":true}]})");
    users.close();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // No stream timeout during the bench: a reconnect in the middle of a run
    // would measure the catch-up instead.
    QByteArray output;
    const quint16 port
        = BenchSupport::startServer(server, cli.value(QStringLiteral("server")),
                                    { QStringLiteral("--users"), users.fileName(), QStringLiteral("--in-memory"),
                                      QStringLiteral("--timeout"), QStringLiteral("86400") },
                                    &output);
    if (!port) {
        std::fprintf(stderr, "bench_tray: the server did not start: %s\n", output.constData());
        return 1;
    }

    DesktopSession::Settings settings;
    settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    settings.token = AliceToken;
    settings.user = QStringLiteral("alice");
    int publisherRuns = 0;
    const auto startPublisher = [&](QProcess &publisher, int count, int perSecond, const QString &name = {}) {
        publisher.setProcessChannelMode(QProcess::ForwardedChannels);
        publisher.start(QCoreApplication::applicationFilePath(),
                        { QStringLiteral("--publish-to"), QString::number(port), QStringLiteral("--publish-run"),
                          name.isEmpty() ? QStringLiteral("r%1").arg(++publisherRuns) : name,
                          QStringLiteral("--publish-count"), QString::number(count), QStringLiteral("--publish-rate"),
                          QString::number(perSecond) });
        return publisher.waitForStarted();
    };

    // The history: historySize notifications of a day's work, absorbed by a
    // first session, so that the history and the server agree and the app
    // resumes from its Last-Event-ID, as it does every morning.
    const QString historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore history(historyPath);
        QString error;
        if (!history.open(&error)) {
            std::fprintf(stderr, "bench_tray: %s\n", qPrintable(error));
            return 1;
        }
        DesktopSession filler(&history, nullptr);
        filler.setSettings(settings);
        qint64 filled = 0;
        QObject::connect(filler.client(), &Notify::SseClient::eventReceived, &app,
                         [&filled](const Notify::SseEvent &e) { filled += e.type == "notification" ? 1 : 0; });
        filler.start();
        spinUntil([&] { return filler.client()->state() == Notify::SseClient::State::Open; }, 30000);
        QProcess publisher;
        if (!startPublisher(publisher, historySize, 0, QStringLiteral("history")))
            return 1;
        spinUntil([&] { return filled >= historySize; }, 1800000);
        bool flushed = false;
        QMetaObject::invokeMethod(
            &app, [&flushed] { flushed = true; }, Qt::QueuedConnection);
        spinUntil([&] { return flushed; }, 10000);
        filler.stop();
        publisher.waitForFinished();
        if (filled < historySize) {
            std::fprintf(stderr, "bench_tray: the history did not fill (%lld of %d)\n", filled, historySize);
            return 1;
        }
    }

    HistoryStore history(historyPath);
    QString error;
    history.open(&error);
    DesktopSession session(&history, nullptr);
    session.setSettings(settings);
    qint64 received = 0;
    QObject::connect(session.client(), &Notify::SseClient::eventReceived, &app, [&](const Notify::SseEvent &e) {
        if (e.type == "notification" || e.type == "order_status" || e.type == "message")
            ++received;
    });
    QElapsedTimer startup;
    startup.start();
    MainWindow window(&session);
    window.resize(1100, 700);
    if (!cli.isSet(QStringLiteral("no-window")))
        window.show();
    session.start();
    spinUntil([&] { return session.client()->state() == Notify::SseClient::State::Open; }, 30000);
    spinUntil([&] { return session.notifications()->rowCount() >= std::min(historySize, 10000); }, 30000);
    QCoreApplication::processEvents();
    const qint64 startupMs = startup.elapsed();
    const int historyRows = session.notifications()->rowCount();
    if (session.client()->state() != Notify::SseClient::State::Open) {
        std::fprintf(stderr, "bench_tray: the session did not connect\n");
        return 1;
    }

    // Everything received and applied to the models and the history.
    const auto absorbed = [&](qint64 target, int timeoutMs) {
#if __has_include("alertcenter.h") // after issue 12: events wait in a batch
        const auto done = [&] { return received >= target && session.pendingEvents() == 0; };
#else // before: each event applied as it arrived
        const auto done = [&] { return received >= target; };
#endif
        spinUntil(done, timeoutMs);
        return done();
    };

    StallMeter stalls;
    QList<double> burstMs, burstPublishedMs, burstStall, backlogMs, backlogStall;
    for (int run = 0; run < runs; ++run) {
        // Live burst.
        QProcess publisher;
        const qint64 target = received + burst;
        QElapsedTimer clock;
        stalls.reset();
        clock.start();
        qint64 publishedMs = -1;
        QObject::connect(&publisher, &QProcess::finished, &app, [&] { publishedMs = clock.elapsed(); });
        if (!startPublisher(publisher, burst, 0))
            return 1;
        if (!absorbed(target, 600000)) {
            std::fprintf(stderr, "bench_tray: burst %d: %lld of %d events arrived\n", run, received - target + burst,
                         burst);
            return 1;
        }
        burstMs << double(clock.elapsed());
        burstStall << stalls.worstMs();
        publisher.waitForFinished();
        spinUntil([&] { return publishedMs >= 0; }, 10000);
        burstPublishedMs << double(publishedMs);

        // Backlog: published while the connection was down (a laptop lid
        // closed, the network gone), caught up when it reconnects.
        session.client()->stop();
        QProcess offline;
        if (!startPublisher(offline, burst, 0) || !offline.waitForFinished(600000) || offline.exitCode() != 0)
            return 1;
        const qint64 backlogTarget = received + burst;
        stalls.reset();
        clock.restart();
        session.client()->start();
        if (!absorbed(backlogTarget, 600000)) {
            std::fprintf(stderr, "bench_tray: backlog %d: %lld of %d events arrived\n", run,
                         received - backlogTarget + burst, burst);
            return 1;
        }
        backlogMs << double(clock.elapsed());
        backlogStall << stalls.worstMs();
    }

    // Steady state.
    QProcess steady;
    const int steadyCount = rate * steadySeconds;
    const qint64 steadyTarget = received + steadyCount;
    // CPU without the stall meter: its 100 wake-ups a second are not the app's.
    stalls.stop();
    const double cpu0 = cpuSeconds();
    QElapsedTimer steadyClock;
    steadyClock.start();
    if (!startPublisher(steady, steadyCount, rate) || !absorbed(steadyTarget, steadySeconds * 1000 + 60000))
        return 1;
    const double steadyCpu = cpuSeconds() - cpu0;
    const double steadyWall = double(steadyClock.elapsed()) / 1000;
    steady.waitForFinished();

    std::printf("history %d notifications; window with %d rows shown and connected in %lld ms\n", historySize,
                historyRows, startupMs);
    std::printf("live burst of %d events: published in %.0f ms, absorbed in %.0f ms (medians of %d), longest stall "
                "%.0f ms (median; worst %.0f)\n",
                burst, median(burstPublishedMs), median(burstMs), runs, median(burstStall),
                *std::max_element(burstStall.cbegin(), burstStall.cend()));
    std::printf("backlog of %d events on reconnect: absorbed in %.0f ms (median of %d), longest stall %.0f ms "
                "(median; worst %.0f)\n",
                burst, median(backlogMs), runs, median(backlogStall),
                *std::max_element(backlogStall.cbegin(), backlogStall.cend()));
    std::printf("steady %d events/s for %.0f s: %.2f %% of a core; RSS %ld KiB\n", rate, steadyWall,
                100.0 * steadyCpu / steadyWall, rssKiB());
    session.stop();
    server.terminate();
    server.waitForFinished();
    return 0;
}
