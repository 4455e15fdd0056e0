// SPDX-License-Identifier: MIT
//
// libFuzzer target for what notify-server reads at start: a --redis URL and
// a users file. Input: the first line is the URL, the rest the users file.
// No crash; a refused URL is not repeated in the error (it may hold a
// password), nor a password in display() (it reads the same without one); every user loaded is found
// by name and by token, and by no other token.

#include "hub/userdirectory.h"
#include "redis/redisaddress.h"

#include <cstdint>
#include <cstdlib>

using namespace Notify::Server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString url = QString::fromUtf8(input.left(newline < 0 ? input.size() : newline));
    QString error;
    if (const auto address = RedisAddress::parse(url, &error)) {
        // display() is for logs: it reads the same whatever the password.
        // (Looking for the password's text in it fails on a password that is
        // also a piece of the host or the socket path: "p" in "unix:/run/p.sock".)
        RedisAddress without = *address;
        without.password.clear();
        if (without.display() != address->display())
            std::abort();
    } else if (error.isEmpty() || (url.size() >= 12 && error.contains(url))) {
        std::abort(); // a refusal says why, without repeating the URL (it may hold a password)
    }

    UserDirectory users;
    if (!users.loadJson(newline < 0 ? QByteArray() : input.mid(newline + 1), QStringLiteral("users.json"), &error))
        return 0;
    for (const User &user : users.users()) {
        if (users.find(user.name) == nullptr || users.authenticate(user.token) == nullptr
            || users.authenticate(user.token)->name != user.name)
            std::abort();
        const QByteArray other = user.token + 'x';
        if (const User *someone = users.authenticate(other); someone != nullptr && someone->token != other)
            std::abort(); // only the token itself
    }
    if (users.authenticate({}) != nullptr)
        std::abort(); // an empty token is nobody's
    return 0;
}
