// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Notify::Utf8 {

/// True when @p bytes is well-formed UTF-8 (no overlongs, surrogates or
/// code points above U+10FFFF). Runs of ASCII are skipped eight bytes at a time.
[[nodiscard]] bool isValid(QByteArrayView bytes) noexcept;

/// Appends @p bytes to @p out, replacing each ill-formed sequence by U+FFFD
/// exactly as the WHATWG Encoding standard's UTF-8 decoder does (one U+FFFD
/// per maximal subpart), so that the result matches what a browser shows.
void appendReplacingInvalid(QByteArray &out, QByteArrayView bytes);

/// Appends @p bytes, taking the fast path when they are already valid.
inline void appendSanitized(QByteArray &out, QByteArrayView bytes)
{
    if (isValid(bytes))
        out.append(bytes);
    else
        appendReplacingInvalid(out, bytes);
}

} // namespace Notify::Utf8
