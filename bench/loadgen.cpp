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
//   loadgen --server … --store sqlite …          the SQLite file store (default: --in-memory)
//   loadgen --server … --redis URL --instances 3 …  that many instances on one Redis,
//                                                 streams spread over them, publishing through the first
//
// Everything targets 127.0.0.x only, is bounded in count and time, and stops
// the server it started. Plain C++ (no Qt) so that its own cost stays small.

#include <algorithm>
#include <arpa/inet.h>
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
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

std::vector<pid_t> g_serverPids; // stopped by die(), so that a failed run leaves nothing behind
std::string g_tempDir; // removed by die() too

[[noreturn]] void die(const std::string &message)
{
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
    std::vector<int64_t> ackLatenciesNs; ///< from sending a publish to reading its 201
    long long acknowledged = 0; ///< events the 201 answers acknowledged
    long long bytesIn = 0;
    long long events = 0;
    bool measure = true;
    int measureOnly = -1; ///< >= 0: the delivery latency of that stream only

    int connectTo(int sourceIndex, int port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            die(std::string("socket: ") + std::strerror(errno));
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(0x7f000001u + uint32_t(sourceIndex % m_options.sources));
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

    void openStream(Stream &s, bool resume)
    {
        s.fd = connectTo(s.index, portFor(s.index));
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

    void openPublisher(Publisher &p)
    {
        p.fd = connectTo(0, server.port);
        auto it = std::find(m_publishers.begin(), m_publishers.end(), &p);
        if (it == m_publishers.end())
            it = m_publishers.insert(m_publishers.end(), &p);
        p.tag = PublisherTag - uint64_t(it - m_publishers.begin());
        p.waitsToWrite = false;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = p.tag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, p.fd, &ev);
        // Wait for the connection, so that the first request is not lost.
        pollfd pfd{ p.fd, POLLOUT, 0 };
        ::poll(&pfd, 1, 5000);
    }

    // Publishes events n … n + count - 1: one in the single form, more in the batch form.
    void publish(Publisher &p, long long n, int count = 1)
    {
        if (p.fd < 0) {
            p.in.clear();
            p.out.clear();
            p.unanswered.clear();
            p.answered = p.sent;
            openPublisher(p);
        }
        const int64_t t = nowNs();
        const auto item = [t](long long k) {
            return "{\"event\":\"bench\",\"data\":{\"n\":" + std::to_string(k) + ",\"t\":" + std::to_string(t) + "}}";
        };
        std::string body;
        if (count == 1) {
            body = item(n);
        } else {
            body = "{\"events\":[";
            for (int k = 0; k < count; ++k) {
                if (k > 0)
                    body += ',';
                body += item(n + k);
            }
            body += "]}";
        }
        p.out += "POST /api/v1/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.adminToken
            + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"
            + body;
        p.unanswered.emplace_back(t, count);
        ++p.sent;
        writePublisher(p);
    }

    // Runs the loop until done() or the deadline; returns false on timeout.
    template<typename Done>
    bool runUntil(Done done, double seconds, Publisher * = nullptr)
    {
        const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
        epoll_event evs[512];
        static char buf[65536];
        while (!done()) {
            if (Clock::now() > deadline)
                return false;
            const int n = ::epoll_wait(m_epoll, evs, 512, 10);
            for (int i = 0; i < n; ++i) {
                if (evs[i].data.u64 > PublisherTag - 1000) {
                    Publisher *publisher = m_publishers[size_t(PublisherTag - evs[i].data.u64)];
                    if ((evs[i].events & EPOLLOUT) && publisher->fd >= 0)
                        writePublisher(*publisher);
                    if ((evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && publisher->fd >= 0)
                        readPublisher(*publisher, buf, sizeof buf);
                    continue;
                }
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
                    readStream(s, buf, sizeof buf);
            }
        }
        return true;
    }

    long long openCount() const
    {
        long long open = 0;
        for (const Stream &s : streams)
            open += s.headDone && s.open;
        return open;
    }

private:
    static constexpr uint64_t PublisherTag = ~uint64_t(0);

    // Sends what the socket takes; the rest when it is writable again (a batch can be larger
    // than the socket buffer, and the server may be busy writing to the streams).
    void writePublisher(Publisher &p)
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
    void readPublisher(Publisher &p, char *buf, size_t size)
    {
        for (;;) {
            const ssize_t r = ::recv(p.fd, buf, size, 0);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
                // The server closes idle keep-alive connections; reopen on the next publish.
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, p.fd, nullptr);
                ::close(p.fd);
                p.fd = -1;
                break;
            }
            if (r < 0)
                break;
            p.in.append(buf, size_t(r));
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
        ++events;
        if (measure && (measureOnly < 0 || s.index == measureOnly))
            latenciesNs.push_back(now - t);
    }

    Options m_options;
    int m_epoll;
    std::map<int, std::string> m_writes;
    std::vector<Publisher *> m_publishers;
};

double percentile(std::vector<int64_t> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size())));
    return double(values[index]) / 1e6;
}

void printAckLatency(const Load &load)
{
    std::printf("publish-ack over %zu publishes: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", load.ackLatenciesNs.size(),
                percentile(load.ackLatenciesNs, 0.5), percentile(load.ackLatenciesNs, 0.99),
                percentile(load.ackLatenciesNs, 1.0));
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
    Publisher publisher;
    load.openPublisher(publisher);

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
        if (o.phase == "fanout") {
            // One event at a time to every stream, 20 times; latency of every delivery.
            for (int round = 0; round < 20; ++round) {
                const long long before = load.events;
                load.publish(publisher, n++);
                if (!load.runUntil([&] { return load.events - before == o.streams; }, 30, &publisher))
                    die("fan-out incomplete: " + std::to_string(load.events - before));
                load.runUntil([] { return false; }, 0.2, &publisher);
            }
            if (!load.runUntil([&] { return publisher.answered == publisher.sent; }, 30))
                die("fan-out: publishes unanswered: " + std::to_string(publisher.sent - publisher.answered));
        } else if (o.phase == "rate") {
            const auto start = Clock::now();
            const double cpu0 = allCpu();
            const double user0 = load.server.userSeconds();
            const double self0 = selfCpuSeconds();
            const long long total = (long long)o.rate * o.seconds;
            for (long long k = 0; k < total; ++k) {
                const auto due = start + std::chrono::duration<double>(double(k) / o.rate);
                load.runUntil([&] { return Clock::now() >= due; }, 60, &publisher);
                load.publish(publisher, n++);
            }
            if (!load.runUntil([&] { return load.events == total * o.streams && publisher.answered == publisher.sent; },
                               60, &publisher))
                die("rate run incomplete: " + std::to_string(load.events) + " of " + std::to_string(total * o.streams)
                    + " deliveries, " + std::to_string(publisher.answered) + " of " + std::to_string(publisher.sent)
                    + " publishes answered");
            const double cpu = allCpu() - cpu0;
            std::printf("server CPU (all instances) %.3f s (first instance's user %.3f s) for %lld deliveries: %.2f us "
                        "per delivered event; loadgen CPU "
                        "%.3f s\n",
                        cpu, load.server.userSeconds() - user0, load.events, cpu * 1e6 / double(load.events),
                        selfCpuSeconds() - self0);
        } else {
            // As fast as the server accepts: several publishing connections, each
            // keeping a window of published, unanswered events.
            load.measure = false;
            std::vector<Publisher> more(7);
            for (Publisher &p : more)
                load.openPublisher(p);
            std::vector<Publisher *> all{ &publisher };
            for (Publisher &p : more)
                all.push_back(&p);
            const auto start = Clock::now();
            const double cpu0 = load.server.cpuSeconds();
            const double self0 = selfCpuSeconds();
            const auto end = start + std::chrono::seconds(o.seconds);
            const auto outstanding = [&] {
                long long open = 0;
                for (Publisher *p : all)
                    open += p->sent - p->answered;
                return open;
            };
            while (Clock::now() < end) {
                for (Publisher *p : all) {
                    while (p->sent - p->answered < 16)
                        load.publish(*p, n++);
                }
                load.runUntil([&] { return outstanding() < 64; }, 10);
            }
            load.runUntil([&] { return outstanding() == 0 && load.events == n * o.streams; }, 60);
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            const double cpu = load.server.cpuSeconds() - cpu0;
            std::printf("published %lld events in %.2f s (%.0f/s); %lld deliveries = %.0f deliveries/s; server CPU "
                        "%.2f s = %.2f us per delivery; loadgen CPU %.2f s\n",
                        n, seconds, double(n) / seconds, load.events, double(load.events) / seconds, cpu,
                        cpu * 1e6 / double(load.events), selfCpuSeconds() - self0);
        }
        if (load.measure)
            std::printf("publish-to-receipt over %zu deliveries: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                        load.latenciesNs.size(), percentile(load.latenciesNs, 0.5), percentile(load.latenciesNs, 0.99),
                        percentile(load.latenciesNs, 1.0));
        if (o.phase != "throughput")
            printAckLatency(load);
    } else if (o.phase == "publish") {
        // --publishers connections as fast as the server answers, each keeping --window requests of
        // --batch events in flight, for --seconds; then every event must reach every stream once.
        load.measureOnly = 0; // the delivery latency of one stream: every delivery would be millions
        std::vector<Publisher> more(size_t(o.publishers - 1));
        std::vector<Publisher *> all{ &publisher };
        for (Publisher &p : more) {
            load.openPublisher(p);
            all.push_back(&p);
        }
        const auto outstanding = [&] {
            long long open = 0;
            for (const Publisher *p : all)
                open += p->sent - p->answered;
            return open;
        };
        const auto canSend = [&] {
            for (const Publisher *p : all) {
                if (p->sent - p->answered < o.window)
                    return true;
            }
            return false;
        };
        long long n = 0, requests = 0;
        const auto start = Clock::now();
        const double cpu0 = allCpu();
        const double self0 = selfCpuSeconds();
        const auto end = start + std::chrono::seconds(o.seconds);
        while (Clock::now() < end) {
            for (Publisher *p : all) {
                while (p->sent - p->answered < o.window) {
                    load.publish(*p, n, o.batch);
                    n += o.batch;
                    ++requests;
                }
            }
            if (!load.runUntil(canSend, 60))
                die("no publish answered for 60 s (" + std::to_string(outstanding()) + " outstanding)");
        }
        if (!load.runUntil([&] { return outstanding() == 0; }, 60))
            die("publishes unanswered 60 s after the end: " + std::to_string(outstanding()));
        const double ackSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (load.acknowledged != n)
            die("acknowledged " + std::to_string(load.acknowledged) + " of " + std::to_string(n) + " events");
        const long long expected = n * o.streams;
        if (!load.runUntil([&] { return load.events >= expected; }, 60))
            die("delivery incomplete 60 s after the last answer: " + std::to_string(load.events) + " of "
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
        std::printf("publish: %d publishers, window %d, batch %d: %.0f requests/s, %.0f events/s acknowledged; %.0f "
                    "deliveries/s; server CPU %.2f s = %.2f us per event; publish-ack p50 %.2f / p99 %.2f ms; "
                    "loadgen CPU %.2f s\n",
                    o.publishers, o.window, o.batch, double(requests) / ackSeconds, double(n) / ackSeconds,
                    double(load.events) / seconds, cpu, cpu * 1e6 / double(n), percentile(load.ackLatenciesNs, 0.5),
                    percentile(load.ackLatenciesNs, 0.99), self);
        std::printf("%lld events in %lld requests, all answered after %.2f s; %lld deliveries to %d streams, all "
                    "after %.2f s; streams with a wrong count %lld%s\n",
                    n, requests, ackSeconds, load.events, o.streams, seconds, wrongCount,
                    o.publishers == 1
                        ? (", gaps " + std::to_string(gaps) + ", duplicates " + std::to_string(duplicates)).c_str()
                        : " (order not checked: several publishers)");
        printAckLatency(load);
        std::printf("publish-to-receipt on stream 0 over %zu deliveries: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                    load.latenciesNs.size(), percentile(load.latenciesNs, 0.5), percentile(load.latenciesNs, 0.99),
                    percentile(load.latenciesNs, 1.0));
        if (wrongCount || gaps || duplicates)
            die("streams did not get every event exactly once");
    } else if (storm) {
        // Events before the restart, then a restart, then every stream reconnects at once with its
        // Last-Event-ID; events published while they were away must all arrive, once.
        long long n = 0;
        for (int k = 0; k < 5; ++k)
            load.publish(publisher, n++);
        load.runUntil([&] { return load.events == 5LL * o.streams; }, 60, &publisher);
        load.server.stop(SIGKILL);
        load.runUntil([&] { return load.openCount() == 0; }, 30);
        // While the server is down nothing can be published; it comes back with the same data.
        load.server.start(o, true, true);
        Publisher again;
        load.openPublisher(again);
        for (int k = 0; k < 5; ++k)
            load.publish(again, n++);
        load.runUntil([&] { return again.answered == 5; }, 30, &again);
        const auto start = Clock::now();
        for (Stream &s : load.streams)
            load.openStream(s, true);
        const bool ok = load.runUntil([&] { return load.events == 10LL * o.streams; }, 120, &again);
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
