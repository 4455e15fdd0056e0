// SPDX-License-Identifier: MIT
//
// Load generator for notify-server: starts the server itself (so it can read
// its memory and CPU from /proc and restart it), opens many authenticated
// streams over epoll from several 127.0.0.x source addresses, publishes
// through the REST API and measures publish-to-receipt latency.
//
//   loadgen --server build/release/server/notify-server --phase idle --streams 15000
//   loadgen --server … --phase fanout --streams 10000
//   loadgen --server … --phase rate --streams 10000 --rate 20 --seconds 10
//   loadgen --server … --phase throughput --streams 100 --seconds 10
//   loadgen --server … --phase storm --streams 10000
//   loadgen --server … --phase publish --streams 100 --publishers 8 --window 16 --batch 1 --seconds 10
//                                                 publishers flat out (--window 1: closed loop; --batch B > 1:
//                                                 the batch form, B events a request); prints requests/s,
//                                                 events/s acknowledged, deliveries/s and the publish-ack latency
//                                                 (fanout and rate print the publish-ack latency too)
//   loadgen --server build/release/bench/go-broadcaster …   the Go peer (bench/go-broadcaster) instead
//   loadgen --server … --store sqlite …          the SQLite file store (default: --in-memory)
//   loadgen --server … --redis URL --instances 3 …  that many instances on one Redis,
//                                                 streams spread over them, publishing through the first
//
// Two threads: the main one reads the streams (one epoll set for all of them);
// the publisher thread (its own epoll set) drives every publishing connection:
// the sends, the rate phase's schedule, the publish phase's window, the
// fan-out's one event at a time, and the 201s with their publish-ack latency.
// So what the publishing side measures does not wait behind the reading of
// the deliveries. The publisher thread sees the streams only through the
// atomic count of deliveries.
//
// Everything targets 127.0.0.x only, is bounded in count and time, and stops
// the server it started. Plain C++ (no Qt) so that its own cost stays small.

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Changed by the main thread only while the publisher thread is not running.
std::vector<pid_t> g_serverPids; // stopped by die(), so that a failed run leaves nothing behind
std::string g_tempDir; // removed by die() too

// From either thread: the first to fail ends the process; one failing meanwhile waits for that.
[[noreturn]] void die(const std::string &message)
{
    static std::mutex dying;
    dying.lock(); // never unlocked: exit() ends the waiting one too
    std::fflush(stdout); // what it printed so far comes first
    std::fprintf(stderr, "loadgen: %s\n", message.c_str());
    for (const pid_t pid : g_serverPids) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    if (!g_tempDir.empty())
        std::system(("rm -rf " + g_tempDir).c_str());
    std::exit(1);
}

struct Options
{
    std::string server;
    std::string phase = "fanout";
    int streams = 1000;
    int users = 100;
    int threads = 0;
    int sources = 4;
    int rate = 20;
    int seconds = 10;
    int idleSeconds = 30;
    int heartbeat = 30;
    std::string extra; // more server arguments
    std::string store = "memory"; // memory | sqlite (ignored with --redis)
    std::string redis; // --redis URL for every instance
    int instances = 1;
    int publishers = 1; // --phase publish: publishing connections,
    int window = 1; // requests in flight on each (1: the next goes when the previous was answered),
    int batch = 1; // events a request (> 1: the batch form)
};

// ---- the server process ---------------------------------------------------

struct ServerProcess
{
    pid_t pid = -1;
    int port = 0;
    std::string dataDir;
    std::string usersFile;
    std::vector<std::string> tokens;
    std::string adminToken;

    // @p samePort: come back on the port of the previous run (a restart).
    void start(const Options &o, bool keepData, bool samePort = false)
    {
        const std::string wantedPort = samePort ? std::to_string(port) : "0";
        port = 0;
        std::vector<std::string> args = { o.server,
                                          "--users",
                                          usersFile,
                                          "--port",
                                          wantedPort,
                                          "--max-streams-per-user",
                                          "100000",
                                          "--heartbeat",
                                          std::to_string(o.heartbeat),
                                          "--max-buffered-bytes",
                                          "4194304" };
        if (!o.redis.empty()) {
            // Each run its own keys, so that runs sharing a Redis do not mix.
            args.insert(args.end(),
                        { "--redis", o.redis, "--redis-prefix", "bench" + std::to_string(::getpid()) + ":" });
        } else if (keepData || o.store == "sqlite") {
            args.push_back("--data-dir");
            args.push_back(dataDir);
        } else {
            args.push_back("--in-memory");
        }
        if (o.threads > 0) {
            args.push_back("--threads");
            args.push_back(std::to_string(o.threads));
        }
        std::istringstream extra(o.extra);
        for (std::string word; extra >> word;)
            args.push_back(word);
        int out[2];
        if (::pipe(out) != 0)
            die("pipe");
        pid = ::fork();
        if (pid == 0) {
            ::dup2(out[1], 1);
            ::close(out[0]);
            ::setenv("QT_LOGGING_RULES", "notify.*.info=false", 1);
            std::vector<char *> argv;
            argv.reserve(args.size() + 1);
            for (auto &a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            _exit(127);
        }
        ::close(out[1]);
        g_serverPids.push_back(pid);
        std::string text;
        char buf[4096];
        while (port == 0) {
            const ssize_t n = ::read(out[0], buf, sizeof buf);
            if (n <= 0)
                die("the server exited before printing its port:\n" + text);
            text.append(buf, size_t(n));
            const auto at = text.find("listening on http://127.0.0.1:");
            if (at != std::string::npos && text.find('/', at + 30) != std::string::npos)
                port = std::atoi(text.c_str() + at + 30);
        }
        // Keep draining its output so it never blocks on a full pipe.
        if (::fork() == 0) {
            while (::read(out[0], buf, sizeof buf) > 0) { }
            _exit(0);
        }
        ::close(out[0]);
    }

    void stop(int sig = SIGTERM)
    {
        if (pid <= 0)
            return;
        ::kill(pid, sig);
        int status = 0;
        ::waitpid(pid, &status, 0);
        g_serverPids.erase(std::remove(g_serverPids.begin(), g_serverPids.end(), pid), g_serverPids.end());
        pid = -1;
    }

    long rssKiB() const
    {
        std::ifstream f("/proc/" + std::to_string(pid) + "/status");
        for (std::string line; std::getline(f, line);) {
            if (line.rfind("VmRSS:", 0) == 0)
                return std::atol(line.c_str() + 6);
        }
        return 0;
    }

    // user + system CPU seconds so far
    double cpuSeconds() const { return userSeconds() + systemSeconds(); }
    double userSeconds() const { return statField(14); }
    double systemSeconds() const { return statField(15); }

    double statField(int wanted) const
    {
        std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
        std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        const auto close = all.rfind(')');
        std::istringstream rest(all.substr(close + 2));
        std::string field;
        long value = 0;
        for (int i = 3; i <= wanted && rest >> field; ++i) {
            if (i == wanted)
                value = std::atol(field.c_str());
        }
        return double(value) / double(::sysconf(_SC_CLK_TCK));
    }
};

double selfCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// TCP memory of the whole machine, in KiB, from /proc/net/sockstat ("mem" is in pages).
long kernelTcpKiB()
{
    std::ifstream f("/proc/net/sockstat");
    for (std::string line; std::getline(f, line);) {
        if (line.rfind("TCP:", 0) == 0) {
            const auto at = line.find(" mem ");
            if (at != std::string::npos)
                return std::atol(line.c_str() + at + 5) * (::sysconf(_SC_PAGESIZE) / 1024);
        }
    }
    return 0;
}

// ---- the client side -------------------------------------------------------

struct Stream
{
    int fd = -1;
    int index = 0;
    bool headDone = false;
    bool open = false;
    std::string pending;
    std::string lastId;
    long long lastN = -1;
    long long gaps = 0;
    long long duplicates = 0;
    long long received = 0;
};

struct Publisher
{
    int fd = -1;
    uint64_t tag = 0; ///< its epoll tag
    bool waitsToWrite = false; ///< registered for EPOLLOUT
    std::string in;
    std::string out; ///< requests the socket did not take yet
    std::deque<std::pair<int64_t, int>> unanswered; ///< send time and event count of each request, in order
    long long sent = 0;
    long long answered = 0;
};

// A non-blocking connection to 127.0.0.1:port from 127.0.0.(1 + sourceIndex % sources).
int connectTo(int sourceIndex, int sources, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die(std::string("socket: ") + std::strerror(errno));
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr = htonl(0x7f000001u + uint32_t(sourceIndex % sources));
    if (::bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0)
        die(std::string("bind to a source address: ") + std::strerror(errno));
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(uint16_t(port));
    target.sin_addr.s_addr = htonl(0x7f000001u);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&target), sizeof target) != 0 && errno != EINPROGRESS)
        die(std::string("connect: ") + std::strerror(errno));
    return fd;
}

// The publishing side: its connections on an epoll set of their own, driven by one job (a phase's
// publishing) on a thread of its own. Made and read by the main thread; between start() and the
// end of the job only the publisher thread touches it (the main thread asks finished(), and once
// that is true reads what the job left). It sees the streams only through the deliveries counter.
class Publishing
{
public:
    // Opens @p count connections to @p server (the first instance).
    Publishing(const ServerProcess &server, int sources, const std::atomic<long long> &delivered, int count)
        : publishers(size_t(count))
        , m_port(server.port)
        , m_sources(sources)
        , m_token(server.adminToken)
        , m_delivered(delivered)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        m_timer = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC); // the clock of steady_clock
        if (m_epoll < 0 || m_timer < 0)
            die(std::string("epoll or timerfd: ") + std::strerror(errno));
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = TimerTag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_timer, &ev);
        for (size_t i = 0; i < publishers.size(); ++i) {
            publishers[i].tag = i;
            open(publishers[i]);
        }
    }

    ~Publishing()
    {
        join();
        for (const Publisher &p : publishers) {
            if (p.fd >= 0)
                ::close(p.fd);
        }
        ::close(m_timer);
        ::close(m_epoll);
    }

    Publishing(const Publishing &) = delete;
    Publishing &operator=(const Publishing &) = delete;

    std::vector<Publisher> publishers;
    std::vector<int64_t> ackLatenciesNs; ///< from sending a publish to reading its 201
    long long acknowledged = 0; ///< events the 201 answers acknowledged

    // ---- on the main thread

    // Runs job() on the publisher thread (one job at a time; see Load::runAlongside()).
    template<typename Job>
    void start(Job job)
    {
        join();
        m_finished.store(false);
        m_thread = std::thread([this, job] {
            job();
            m_finished.store(true, std::memory_order_release);
        });
    }

    /// The job returned: what it wrote can be read.
    bool finished() const { return m_finished.load(std::memory_order_acquire); }

    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

    // ---- on the publisher thread

    /// Events the streams received so far (all streams together).
    long long delivered() const { return m_delivered.load(std::memory_order_relaxed); }

    long long outstanding() const
    {
        long long open = 0;
        for (const Publisher &p : publishers)
            open += p.sent - p.answered;
        return open;
    }

    // Waits until the streams are at most a few thousand events behind @p published events (on
    // average over the @p streams). Publishers flat out outrun the main thread's reading of the
    // deliveries (with one thread, the reading used to hold them back), and a server far ahead
    // would close the streams as slow (--max-buffered-bytes). Dies after 60 s.
    void waitForStreams(long long published, int streams)
    {
        const long long behind = std::clamp<long long>(MaxBehindDeliveries / streams, 100, MaxBehindEvents);
        if (!runUntil([&] { return (published - behind) * streams <= delivered(); }, 60))
            die("the streams are 60 s behind: " + std::to_string(delivered()) + " of "
                + std::to_string(published * streams) + " deliveries");
    }

    // Publishes events n … n + count - 1: one in the single form, more in the batch form. Their
    // "t" (and the start of the publish-ack latency) is taken right before the send.
    void publish(Publisher &p, long long n, int count = 1)
    {
        if (p.fd < 0) {
            p.in.clear();
            p.out.clear();
            p.unanswered.clear();
            p.answered = p.sent;
            open(p);
        }
        // Everything but the time first.
        std::vector<std::string> items;
        items.reserve(size_t(count));
        for (int k = 0; k < count; ++k)
            items.push_back("{\"event\":\"bench\",\"data\":{\"n\":" + std::to_string(n + k) + ",\"t\":");
        const int64_t t = nowNs();
        const std::string tail = std::to_string(t) + "}}";
        std::string body = count == 1 ? std::string() : "{\"events\":[";
        for (int k = 0; k < count; ++k) {
            if (k > 0)
                body += ',';
            body += items[size_t(k)];
            body += tail;
        }
        if (count > 1)
            body += "]}";
        p.out += "POST /api/v1/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token
            + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"
            + body;
        p.unanswered.emplace_back(t, count);
        ++p.sent;
        write(p);
    }

    // Runs the publishers' loop until done() or the deadline; returns false on timeout.
    template<typename Done>
    bool runUntil(Done done, double seconds)
    {
        const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
        epoll_event evs[64];
        while (!done()) {
            if (Clock::now() > deadline)
                return false;
            const int n = ::epoll_wait(m_epoll, evs, 64, 10);
            for (int i = 0; i < n; ++i) {
                if (evs[i].data.u64 == TimerTag) {
                    uint64_t expirations = 0;
                    [[maybe_unused]] const ssize_t r = ::read(m_timer, &expirations, sizeof expirations);
                    continue;
                }
                Publisher &p = publishers[size_t(evs[i].data.u64)];
                if ((evs[i].events & EPOLLOUT) && p.fd >= 0)
                    write(p);
                if ((evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && p.fd >= 0)
                    read(p);
            }
        }
        return true;
    }

    // Runs the loop until @p due, woken on time by a timer (a schedule, not the 10 ms of the loop).
    void runUntil(Clock::time_point due)
    {
        const auto sinceBoot = std::chrono::duration_cast<std::chrono::nanoseconds>(due.time_since_epoch()).count();
        itimerspec when{};
        when.it_value.tv_sec = time_t(sinceBoot / 1000000000);
        when.it_value.tv_nsec = long(sinceBoot % 1000000000);
        ::timerfd_settime(m_timer, TFD_TIMER_ABSTIME, &when, nullptr);
        const double wait = std::chrono::duration<double>(due - Clock::now()).count();
        runUntil([&] { return Clock::now() >= due; }, std::max(wait, 0.0) + 10);
    }

private:
    static constexpr uint64_t TimerTag = ~uint64_t(0);
    static constexpr long long MaxBehindDeliveries = 400000; ///< for all the streams: about 40 MB in the server
    static constexpr long long MaxBehindEvents = 2000; ///< a stream: about 200 KB, well below the 4 MiB limit

    void open(Publisher &p)
    {
        p.fd = connectTo(0, m_sources, m_port);
        p.waitsToWrite = false;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = p.tag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, p.fd, &ev);
        // Wait for the connection, so that the first request is not lost.
        pollfd pfd{ p.fd, POLLOUT, 0 };
        ::poll(&pfd, 1, 5000);
    }

    // Sends what the socket takes; the rest when it is writable again (a batch can be larger
    // than the socket buffer, and the server may be busy writing to the streams).
    void write(Publisher &p)
    {
        size_t done = 0;
        while (done < p.out.size()) {
            const ssize_t w = ::send(p.fd, p.out.data() + done, p.out.size() - done, MSG_NOSIGNAL);
            if (w < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            if (w < 0)
                die(std::string("publisher socket: ") + std::strerror(errno));
            done += size_t(w);
        }
        p.out.erase(0, done);
        if (p.out.empty() == !p.waitsToWrite)
            return;
        p.waitsToWrite = !p.out.empty();
        epoll_event ev{};
        ev.events = p.waitsToWrite ? EPOLLIN | EPOLLOUT : EPOLLIN;
        ev.data.u64 = p.tag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, p.fd, &ev);
    }

    // Reads the answers: HTTP/1.1 answers in the order of the requests, each with a Content-Length.
    void read(Publisher &p)
    {
        for (;;) {
            const ssize_t r = ::recv(p.fd, m_buffer, sizeof m_buffer, 0);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
                // The server closes idle keep-alive connections; reopen on the next publish.
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, p.fd, nullptr);
                ::close(p.fd);
                p.fd = -1;
                break;
            }
            if (r < 0)
                break;
            p.in.append(m_buffer, size_t(r));
        }
        const int64_t now = nowNs();
        size_t at = 0;
        for (;;) {
            const auto end = p.in.find("\r\n\r\n", at);
            if (end == std::string::npos)
                break;
            if (p.in.compare(at, 9, "HTTP/1.1 ") != 0)
                die("not an HTTP/1.1 answer to a publish: " + p.in.substr(at, 300));
            std::string head = p.in.substr(at, end - at);
            std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
            if (head.find("\r\ntransfer-encoding:") != std::string::npos)
                die("a publish answer with Transfer-Encoding (only Content-Length is read): " + head);
            const auto length = head.find("\r\ncontent-length:");
            const size_t bodyLength = length == std::string::npos ? 0 : size_t(std::atol(head.c_str() + length + 17));
            const size_t next = end + 4 + bodyLength;
            if (p.in.size() < next)
                break;
            const std::string_view body = std::string_view(p.in).substr(end + 4, bodyLength);
            if (p.in.compare(at + 9, 3, "201") != 0)
                die("publish failed: " + p.in.substr(at, std::min<size_t>(end - at, 200)) + "\n\n"
                    + std::string(body.substr(0, 1000)));
            if (p.unanswered.empty())
                die("an answer to no publish: " + p.in.substr(at, next - at));
            const auto [sentAt, count] = p.unanswered.front();
            p.unanswered.pop_front();
            if (count > 1) {
                // {"ids":[…]}: one id each
                const auto open = body.find('['), close = body.find(']');
                const long ids
                    = open < close ? 1 + std::count(body.begin() + long(open), body.begin() + long(close), ',') : 0;
                if (ids != count)
                    die("a batch of " + std::to_string(count) + " answered with " + std::to_string(ids)
                        + " ids: " + std::string(body.substr(0, 300)));
            }
            ackLatenciesNs.push_back(now - sentAt);
            acknowledged += count;
            ++p.answered;
            at = next;
        }
        p.in.erase(0, at);
    }

    const int m_port;
    const int m_sources;
    const std::string m_token;
    const std::atomic<long long> &m_delivered;
    int m_epoll = -1;
    int m_timer = -1;
    std::thread m_thread;
    std::atomic<bool> m_finished{ true };
    char m_buffer[65536];
};

// The stream side, on the main thread.
class Load
{
public:
    explicit Load(const Options &o)
        : m_options(o)
    {
        m_epoll = ::epoll_create1(0);
    }

    ServerProcess server; ///< the first instance: publishing goes there
    std::vector<ServerProcess> others; ///< more instances (--instances, with --redis)
    std::vector<Stream> streams;

    int portFor(int streamIndex) const
    {
        const size_t instance = size_t(streamIndex) % (others.size() + 1);
        return instance == 0 ? server.port : others[instance - 1].port;
    }
    std::vector<int64_t> latenciesNs;
    std::atomic<long long> events{ 0 }; ///< deliveries: written here, read by the publisher thread too
    long long bytesIn = 0;
    bool measure = true;
    int measureOnly = -1; ///< >= 0: the delivery latency of that stream only

    long long delivered() const { return events.load(std::memory_order_relaxed); }

    // Opens @p count publishing connections to the first instance, for a job on the publisher thread.
    Publishing publishing(int count) { return Publishing(server, m_options.sources, events, count); }

    void openStream(Stream &s, bool resume)
    {
        s.fd = connectTo(s.index, m_options.sources, portFor(s.index));
        s.headDone = false;
        s.open = true;
        s.pending.clear();
        std::string request
            = "GET /api/v1/notifications/sse/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + server.tokens[size_t(s.index) % server.tokens.size()] + "\r\nAccept: text/event-stream\r\n";
        if (resume && !s.lastId.empty())
            request += "Last-Event-ID: " + s.lastId + "\r\n";
        request += "\r\n";
        m_writes[s.fd] = request;
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.u64 = uint64_t(s.index);
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, s.fd, &ev);
    }

    // Runs the streams' loop until done() or the deadline; returns false on timeout.
    template<typename Done>
    bool runUntil(Done done, double seconds)
    {
        const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
        epoll_event evs[512];
        while (!done()) {
            if (Clock::now() > deadline)
                return false;
            const int n = ::epoll_wait(m_epoll, evs, 512, 10);
            for (int i = 0; i < n; ++i) {
                Stream &s = streams[evs[i].data.u64];
                if (evs[i].events & EPOLLOUT) {
                    auto it = m_writes.find(s.fd);
                    if (it != m_writes.end()) {
                        const ssize_t w = ::send(s.fd, it->second.data(), it->second.size(), MSG_NOSIGNAL);
                        if (w == ssize_t(it->second.size()))
                            m_writes.erase(it);
                    }
                    epoll_event ev{};
                    ev.events = EPOLLIN;
                    ev.data.u64 = uint64_t(s.index);
                    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &ev);
                }
                if (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    readStream(s, m_buffer, sizeof m_buffer);
            }
        }
        return true;
    }

    // Reads the streams while the publisher thread runs its job, until the job has returned and
    // done() holds (done() may read what the job wrote), or @p seconds passed: false. Every job
    // bounds its own waits in time and dies on its own failures; @p seconds is longer, a backstop.
    // The thread is joined before this returns.
    template<typename Done>
    bool runAlongside(Publishing &publishing, Done done, double seconds)
    {
        const bool ok = runUntil([&] { return publishing.finished() && done(); }, seconds);
        if (!publishing.finished())
            die("the publisher thread is still running after " + std::to_string(int(seconds)) + " s");
        publishing.join();
        return ok;
    }

    long long openCount() const
    {
        long long open = 0;
        for (const Stream &s : streams)
            open += s.headDone && s.open;
        return open;
    }

private:
    void readStream(Stream &s, char *buf, size_t size)
    {
        for (;;) {
            const ssize_t r = ::recv(s.fd, buf, size, 0);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, s.fd, nullptr);
                ::close(s.fd);
                s.fd = -1;
                s.open = false;
                return;
            }
            if (r < 0)
                return;
            bytesIn += r;
            const int64_t now = nowNs();
            s.pending.append(buf, size_t(r));
            if (!s.headDone) {
                const auto end = s.pending.find("\r\n\r\n");
                if (end == std::string::npos)
                    continue;
                if (s.pending.compare(0, 12, "HTTP/1.1 200") != 0)
                    die("stream refused: " + s.pending.substr(0, 200));
                s.pending.erase(0, end + 4);
                s.headDone = true;
            }
            size_t start = 0;
            for (;;) {
                const auto end = s.pending.find("\n\n", start);
                if (end == std::string::npos)
                    break;
                handleBlock(s, std::string_view(s.pending).substr(start, end - start), now);
                start = end + 2;
            }
            s.pending.erase(0, start);
        }
    }

    void handleBlock(Stream &s, std::string_view block, int64_t now)
    {
        const auto id = block.find("id: ");
        if (id != std::string_view::npos) {
            const auto eol = block.find('\n', id);
            s.lastId = std::string(block.substr(id + 4, eol - id - 4));
        }
        if (block.find("event: bench") == std::string_view::npos)
            return;
        const auto nAt = block.find("\"n\":");
        const auto tAt = block.find("\"t\":");
        if (nAt == std::string_view::npos || tAt == std::string_view::npos)
            return;
        const long long n = std::atoll(block.data() + nAt + 4);
        const long long t = std::atoll(block.data() + tAt + 4);
        if (n <= s.lastN)
            ++s.duplicates;
        else if (n != s.lastN + 1)
            s.gaps += n - s.lastN - 1;
        s.lastN = std::max(s.lastN, n);
        ++s.received;
        events.fetch_add(1, std::memory_order_relaxed);
        if (measure && (measureOnly < 0 || s.index == measureOnly))
            latenciesNs.push_back(now - t);
    }

    Options m_options;
    int m_epoll;
    std::map<int, std::string> m_writes;
    char m_buffer[65536];
};

double percentile(std::vector<int64_t> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size())));
    return double(values[index]) / 1e6;
}

void printAckLatency(const Publishing &publishing)
{
    const std::vector<int64_t> &ack = publishing.ackLatenciesNs;
    std::printf("publish-ack over %zu publishes: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", ack.size(),
                percentile(ack, 0.5), percentile(ack, 0.99), percentile(ack, 1.0));
}

void writeUsers(ServerProcess &server, int users, const std::string &dir)
{
    server.usersFile = dir + "/users.json";
    std::ofstream f(server.usersFile);
    f << "{\"users\":[{\"name\":\"admin\",\"token\":\"bench-admin-token\",\"admin\":true}";
    server.adminToken = "bench-admin-token";
    for (int i = 0; i < users; ++i) {
        const std::string token = "bench-user-token-" + std::to_string(i);
        f << ",{\"name\":\"user" << i << "\",\"token\":\"" << token << "\"}";
        server.tokens.push_back(token);
    }
    f << "]}";
}

void openAll(Load &load, int count)
{
    load.streams.resize(size_t(count));
    const auto start = Clock::now();
    // In waves, so that the listen backlog is not the thing measured.
    for (int i = 0; i < count; ++i) {
        load.streams[size_t(i)].index = i;
        load.openStream(load.streams[size_t(i)], false);
        if (i % 500 == 499)
            load.runUntil([&] { return load.openCount() >= i + 1 - 250; }, 30);
    }
    if (!load.runUntil([&] { return load.openCount() == count; }, 120))
        die("only " + std::to_string(load.openCount()) + " of " + std::to_string(count) + " streams opened");
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("opened %d streams in %.2f s\n", count, seconds);
    // Let the presence events of every user settle.
    load.runUntil([] { return false; }, 1.0);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--server")
            o.server = next();
        else if (a == "--phase")
            o.phase = next();
        else if (a == "--streams")
            o.streams = std::stoi(next());
        else if (a == "--users")
            o.users = std::stoi(next());
        else if (a == "--threads")
            o.threads = std::stoi(next());
        else if (a == "--sources")
            o.sources = std::stoi(next());
        else if (a == "--rate")
            o.rate = std::stoi(next());
        else if (a == "--seconds")
            o.seconds = std::stoi(next());
        else if (a == "--idle-seconds")
            o.idleSeconds = std::stoi(next());
        else if (a == "--heartbeat")
            o.heartbeat = std::stoi(next());
        else if (a == "--server-args")
            o.extra = next();
        else if (a == "--store")
            o.store = next();
        else if (a == "--redis")
            o.redis = next();
        else if (a == "--instances")
            o.instances = std::stoi(next());
        else if (a == "--publishers")
            o.publishers = std::stoi(next());
        else if (a == "--window")
            o.window = std::stoi(next());
        else if (a == "--batch")
            o.batch = std::stoi(next());
        else
            die("unknown option " + a + " (see the comment at the top of bench/loadgen.cpp)");
    }
    if (o.server.empty())
        die("--server PATH is required");
    if (o.streams < 1 || o.streams > 19000)
        die("--streams must be 1..19000 (the descriptor limit is 20000)");
    if (o.publishers < 1 || o.publishers > 64 || o.window < 1 || o.window > 1000 || o.batch < 1 || o.batch > 1000)
        die("--publishers must be 1..64, --window 1..1000, --batch 1..1000 (the server's batch limit)");
    std::signal(SIGPIPE, SIG_IGN);

    char tmpl[] = "/tmp/notify-loadgen-XXXXXX";
    const std::string dir = ::mkdtemp(tmpl);
    g_tempDir = dir;
    Load load(o);
    writeUsers(load.server, o.users, dir);
    load.server.dataDir = dir + "/data";
    const bool storm = o.phase == "storm";
    load.server.start(o, storm);
    if (o.instances > 1 && o.redis.empty())
        die("--instances needs --redis (instances share their events through it)");
    for (int i = 1; i < o.instances; ++i) {
        ServerProcess more = load.server;
        more.pid = -1;
        more.start(o, false);
        load.others.push_back(more);
    }
    const auto allRss = [&] {
        long kib = load.server.rssKiB();
        for (const ServerProcess &p : load.others)
            kib += p.rssKiB();
        return kib;
    };
    const auto allCpu = [&] {
        double seconds = load.server.cpuSeconds();
        for (const ServerProcess &p : load.others)
            seconds += p.cpuSeconds();
        return seconds;
    };
    std::printf("instances %d, store %s\n", o.instances, o.redis.empty() ? o.store.c_str() : "redis");
    std::printf("server pid %d port %d, phase %s, %d streams, %d users, threads %s\n", load.server.pid,
                load.server.port, o.phase.c_str(), o.streams, o.users,
                o.threads ? std::to_string(o.threads).c_str() : "default");
    load.runUntil([] { return false; }, 0.5);
    const long rssBefore = allRss();
    const long kernelBefore = kernelTcpKiB();

    openAll(load, o.streams);

    // Every phase that publishes: its publishing is a job on the publisher thread, while this
    // thread reads the streams (Load::runAlongside); what the job counted is read once it returned.
    if (o.phase == "idle") {
        const long rssAfter = allRss();
        const long kernelAfter = kernelTcpKiB();
        std::printf("server RSS: %ld KiB before, %ld KiB with %d idle streams: %.2f KiB per stream\n", rssBefore,
                    rssAfter, o.streams, double(rssAfter - rssBefore) / o.streams);
        std::printf("kernel TCP memory (both ends, whole machine): %ld KiB more: %.2f KiB per stream\n",
                    kernelAfter - kernelBefore, double(kernelAfter - kernelBefore) / o.streams);
        const double cpu0 = allCpu();
        const double self0 = selfCpuSeconds();
        const long long beats0 = load.bytesIn;
        load.runUntil([] { return false; }, o.idleSeconds);
        const double cpu = (allCpu() - cpu0) / o.instances; // per instance
        std::printf("idle for %d s with heartbeat %d s: server CPU per instance %.3f s = %.3f %% of a core; loadgen "
                    "CPU %.3f s; "
                    "%lld bytes of heartbeats received\n",
                    o.idleSeconds, o.heartbeat, cpu, 100.0 * cpu / o.idleSeconds, selfCpuSeconds() - self0,
                    load.bytesIn - beats0);
    } else if (o.phase == "fanout" || o.phase == "rate" || o.phase == "throughput") {
        long long n = 0;
        Publishing publishing = load.publishing(o.phase == "throughput" ? 8 : 1);
        Publisher &publisher = publishing.publishers[0];
        if (o.phase == "fanout") {
            // One event at a time to every stream, 20 times; latency of every delivery. The
            // publisher thread publishes the next once every stream received the previous one.
            publishing.start([&] {
                for (int round = 0; round < 20; ++round) {
                    const long long before = publishing.delivered();
                    publishing.publish(publisher, n++);
                    if (!publishing.runUntil([&] { return publishing.delivered() - before == o.streams; }, 30))
                        die("fan-out incomplete: " + std::to_string(publishing.delivered() - before));
                    publishing.runUntil([] { return false; }, 0.2);
                }
                if (!publishing.runUntil([&] { return publisher.answered == publisher.sent; }, 30))
                    die("fan-out: publishes unanswered: " + std::to_string(publisher.sent - publisher.answered));
            });
            load.runAlongside(
                publishing, [] { return true; }, 20 * 30.2 + 60);
        } else if (o.phase == "rate") {
            const auto start = Clock::now();
            const double cpu0 = allCpu();
            const double user0 = load.server.userSeconds();
            const double self0 = selfCpuSeconds();
            const long long total = (long long)o.rate * o.seconds;
            // The k-th publish at start + k / rate, however busy the streams keep the main thread.
            publishing.start([&] {
                for (long long k = 0; k < total; ++k) {
                    publishing.runUntil(start
                                        + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(double(k) / o.rate)));
                    publishing.publish(publisher, n++);
                }
                publishing.runUntil([&] { return publisher.answered == publisher.sent; }, 60);
            });
            if (!load.runAlongside(
                    publishing,
                    [&] { return load.delivered() == total * o.streams && publisher.answered == publisher.sent; },
                    o.seconds + 70))
                die("rate run incomplete: " + std::to_string(load.delivered()) + " of "
                    + std::to_string(total * o.streams) + " deliveries, " + std::to_string(publisher.answered) + " of "
                    + std::to_string(publisher.sent) + " publishes answered");
            const double cpu = allCpu() - cpu0;
            std::printf("server CPU (all instances) %.3f s (first instance's user %.3f s) for %lld deliveries: %.2f us "
                        "per delivered event; loadgen CPU "
                        "%.3f s\n",
                        cpu, load.server.userSeconds() - user0, load.delivered(), cpu * 1e6 / double(load.delivered()),
                        selfCpuSeconds() - self0);
        } else {
            // As fast as the server accepts: several publishing connections, each
            // keeping a window of published, unanswered events.
            load.measure = false;
            const auto start = Clock::now();
            const double cpu0 = load.server.cpuSeconds();
            const double self0 = selfCpuSeconds();
            const auto end = start + std::chrono::seconds(o.seconds);
            publishing.start([&] {
                while (Clock::now() < end) {
                    for (Publisher &p : publishing.publishers) {
                        while (p.sent - p.answered < 16) {
                            publishing.waitForStreams(n, o.streams);
                            publishing.publish(p, n++);
                        }
                    }
                    publishing.runUntil([&] { return publishing.outstanding() < 64; }, 10);
                }
                publishing.runUntil([&] { return publishing.outstanding() == 0; }, 60);
            });
            load.runAlongside(
                publishing, [&] { return load.delivered() == n * o.streams; }, o.seconds + 180);
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            const double cpu = load.server.cpuSeconds() - cpu0;
            std::printf("published %lld events in %.2f s (%.0f/s); %lld deliveries = %.0f deliveries/s; server CPU "
                        "%.2f s = %.2f us per delivery; loadgen CPU %.2f s\n",
                        n, seconds, double(n) / seconds, load.delivered(), double(load.delivered()) / seconds, cpu,
                        cpu * 1e6 / double(load.delivered()), selfCpuSeconds() - self0);
        }
        if (load.measure)
            std::printf("publish-to-receipt over %zu deliveries: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                        load.latenciesNs.size(), percentile(load.latenciesNs, 0.5), percentile(load.latenciesNs, 0.99),
                        percentile(load.latenciesNs, 1.0));
        if (o.phase != "throughput")
            printAckLatency(publishing);
    } else if (o.phase == "publish") {
        // --publishers connections as fast as the server answers, each keeping --window requests of
        // --batch events in flight, for --seconds; then every event must reach every stream once.
        load.measureOnly = 0; // the delivery latency of one stream: every delivery would be millions
        Publishing publishing = load.publishing(o.publishers);
        const auto canSend = [&] {
            for (const Publisher &p : publishing.publishers) {
                if (p.sent - p.answered < o.window)
                    return true;
            }
            return false;
        };
        long long n = 0, requests = 0;
        double ackSeconds = 0;
        const auto start = Clock::now();
        const double cpu0 = allCpu();
        const double self0 = selfCpuSeconds();
        const auto end = start + std::chrono::seconds(o.seconds);
        publishing.start([&] {
            while (Clock::now() < end) {
                for (Publisher &p : publishing.publishers) {
                    while (p.sent - p.answered < o.window) {
                        publishing.waitForStreams(n, o.streams);
                        publishing.publish(p, n, o.batch);
                        n += o.batch;
                        ++requests;
                    }
                }
                if (!publishing.runUntil(canSend, 60))
                    die("no publish answered for 60 s (" + std::to_string(publishing.outstanding()) + " outstanding)");
            }
            if (!publishing.runUntil([&] { return publishing.outstanding() == 0; }, 60))
                die("publishes unanswered 60 s after the end: " + std::to_string(publishing.outstanding()));
            ackSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        });
        load.runAlongside(
            publishing, [] { return true; }, o.seconds + 180);
        if (publishing.acknowledged != n)
            die("acknowledged " + std::to_string(publishing.acknowledged) + " of " + std::to_string(n) + " events");
        const long long expected = n * o.streams;
        if (!load.runUntil([&] { return load.delivered() >= expected; }, 60))
            die("delivery incomplete 60 s after the last answer: " + std::to_string(load.delivered()) + " of "
                + std::to_string(expected) + " (" + std::to_string(n) + " events to " + std::to_string(o.streams)
                + " streams)");
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const double cpu = allCpu() - cpu0;
        const double self = selfCpuSeconds() - self0;
        // Every stream got every event once: with one publisher in order (n counts up on one
        // connection), with several the count only (their requests interleave).
        long long gaps = 0, duplicates = 0, wrongCount = 0;
        for (const Stream &s : load.streams) {
            wrongCount += s.received != n;
            if (o.publishers == 1) {
                gaps += s.gaps;
                duplicates += s.duplicates;
            }
        }
        const std::vector<int64_t> &ack = publishing.ackLatenciesNs;
        std::printf("publish: %d publishers, window %d, batch %d: %.0f requests/s, %.0f events/s acknowledged; %.0f "
                    "deliveries/s; server CPU %.2f s = %.2f us per event; publish-ack p50 %.2f / p99 %.2f ms; "
                    "loadgen CPU %.2f s\n",
                    o.publishers, o.window, o.batch, double(requests) / ackSeconds, double(n) / ackSeconds,
                    double(load.delivered()) / seconds, cpu, cpu * 1e6 / double(n), percentile(ack, 0.5),
                    percentile(ack, 0.99), self);
        std::printf("%lld events in %lld requests, all answered after %.2f s; %lld deliveries to %d streams, all "
                    "after %.2f s; streams with a wrong count %lld%s\n",
                    n, requests, ackSeconds, load.delivered(), o.streams, seconds, wrongCount,
                    o.publishers == 1
                        ? (", gaps " + std::to_string(gaps) + ", duplicates " + std::to_string(duplicates)).c_str()
                        : " (order not checked: several publishers)");
        printAckLatency(publishing);
        std::printf("publish-to-receipt on stream 0 over %zu deliveries: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                    load.latenciesNs.size(), percentile(load.latenciesNs, 0.5), percentile(load.latenciesNs, 0.99),
                    percentile(load.latenciesNs, 1.0));
        if (wrongCount || gaps || duplicates)
            die("streams did not get every event exactly once");
    } else if (storm) {
        // Events before the restart, then a restart, then every stream reconnects at once with its
        // Last-Event-ID; events published while they were away must all arrive, once.
        long long n = 0;
        const auto publishFive = [&n](Publishing &publishing) {
            publishing.start([&n, &publishing] {
                Publisher &publisher = publishing.publishers[0];
                for (int k = 0; k < 5; ++k)
                    publishing.publish(publisher, n++);
                publishing.runUntil([&] { return publisher.answered == 5; }, 30);
            });
        };
        {
            Publishing publishing = load.publishing(1);
            publishFive(publishing);
            load.runAlongside(
                publishing, [&] { return load.delivered() == 5LL * o.streams; }, 60);
        }
        load.server.stop(SIGKILL);
        load.runUntil([&] { return load.openCount() == 0; }, 30);
        // While the server is down nothing can be published; it comes back with the same data.
        load.server.start(o, true, true);
        Publishing again = load.publishing(1);
        publishFive(again);
        load.runAlongside(
            again, [] { return true; }, 60);
        const auto start = Clock::now();
        for (Stream &s : load.streams)
            load.openStream(s, true);
        const bool ok = load.runUntil([&] { return load.delivered() == 10LL * o.streams; }, 120);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        long long gaps = 0, duplicates = 0, complete = 0;
        for (const Stream &s : load.streams) {
            gaps += s.gaps;
            duplicates += s.duplicates;
            complete += s.lastN == 9;
        }
        std::printf("reconnect storm: %lld of %d streams resumed with all 10 events in %.2f s (%s); gaps %lld, "
                    "duplicates %lld\n",
                    complete, o.streams, seconds, ok ? "complete" : "INCOMPLETE", gaps, duplicates);
    } else {
        die("unknown --phase " + o.phase);
    }
    load.server.stop();
    for (ServerProcess &p : load.others)
        p.stop();
    std::string cleanup = "rm -rf " + dir;
    return std::system(cleanup.c_str()) == 0 ? 0 : 1;
}
