// SPDX-License-Identifier: MIT
//
// libFuzzer target for the notifications list's decoder (catch-up, snapshot,
// Load older): any body a backend may answer, read as Django REST
// framework's pages, a plain array or the contract's shape. No crash; a page
// that reads has only objects; a next page stays on the same scheme; counts
// are what the body said.

#include "common/notificationlistfetcher.h"

#include <cstdint>
#include <cstdlib>

using Notify::NotificationListFetcher;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(bytes), qsizetype(size));
    for (const char *url : { "http://shop.example/api/v1/notifications/?limit=20&offset=40",
                             "https://shop.example/api/v1/notifications/" }) {
        const QUrl page(QString::fromLatin1(url));
        const NotificationListFetcher::Page parsed = NotificationListFetcher::parsePage(body, page);
        if (!parsed.error.isEmpty()) {
            if (!parsed.items.isEmpty() || parsed.next.isValid())
                std::abort(); // an error is all there is
            continue;
        }
        for (const QJsonObject &item : parsed.items)
            (void)NotificationListFetcher::isRead(item);
        if (parsed.next.isValid() && parsed.next.isRelative())
            std::abort(); // resolved against the page
    }
    return 0;
}
