// SPDX-License-Identifier: MIT
#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace Notify::Utf8 {

namespace {

constexpr std::uint64_t HighBits = 0x8080808080808080ULL;

// The decoder state of the WHATWG Encoding standard, section "UTF-8 decoder".
struct Decoder
{
    int needed = 0;
    int seen = 0;
    unsigned char lower = 0x80;
    unsigned char upper = 0xBF;

    void clear() noexcept
    {
        needed = seen = 0;
        lower = 0x80;
        upper = 0xBF;
    }

    // Returns false when the byte starts no valid sequence (a U+FFFD error).
    bool start(unsigned char b) noexcept
    {
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            if (b == 0xE0)
                lower = 0xA0;
            if (b == 0xED)
                upper = 0x9F;
            needed = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            if (b == 0xF0)
                lower = 0x90;
            if (b == 0xF4)
                upper = 0x8F;
            needed = 3;
        } else {
            return false;
        }
        return true;
    }
};

qsizetype skipAscii(const unsigned char *p, qsizetype i, qsizetype n) noexcept
{
    while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, p + i, sizeof word);
        if (word & HighBits)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        ++i;
    return i;
}

} // namespace

bool isValid(QByteArrayView bytes) noexcept
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    Decoder d;
    qsizetype i = 0;
    while (i < n) {
        if (d.needed == 0) {
            i = skipAscii(p, i, n);
            if (i == n)
                break;
            if (!d.start(p[i]))
                return false;
        } else {
            const unsigned char b = p[i];
            if (b < d.lower || b > d.upper)
                return false;
            d.lower = 0x80;
            d.upper = 0xBF;
            if (++d.seen == d.needed)
                d.clear();
        }
        ++i;
    }
    return d.needed == 0;
}

void appendReplacingInvalid(QByteArray &out, QByteArrayView bytes)
{
    static constexpr char Replacement[] = "\xEF\xBF\xBD";
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    out.reserve(out.size() + n);
    Decoder d;
    qsizetype sequenceStart = 0;
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (d.needed == 0) {
            if (b < 0x80) {
                const qsizetype runEnd = skipAscii(p, i, n);
                out.append(bytes.data() + i, runEnd - i);
                i = runEnd;
                continue;
            }
            if (!d.start(b))
                out.append(Replacement, 3);
            sequenceStart = i;
            ++i;
            continue;
        }
        if (b < d.lower || b > d.upper) {
            // The byte is not consumed: it is looked at again as a new start.
            d.clear();
            out.append(Replacement, 3);
            continue;
        }
        d.lower = 0x80;
        d.upper = 0xBF;
        if (++d.seen == d.needed) {
            out.append(bytes.data() + sequenceStart, i + 1 - sequenceStart);
            d.clear();
        }
        ++i;
    }
    if (d.needed != 0)
        out.append(Replacement, 3);
}

} // namespace Notify::Utf8
