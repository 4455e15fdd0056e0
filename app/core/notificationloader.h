// SPDX-License-Identifier: MIT
#pragma once

#include "common/eventinterpreter.h"
#include "common/notificationlistfetcher.h"
#include "notificationitem.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Notify::Tray {

/// The notifications list of one source, read three ways: the snapshot (the
/// newest 1,000, on a first start or after a reset), *Load older* (500 past
/// what the window holds) and a count (one item, for the server's totals).
/// Each item is read by the source's EventInterpreter as the object it is,
/// without turning it into text again.
class NotificationLoader final : public QObject
{
    Q_OBJECT

public:
    /// A notification of the snapshot, with what exactly-once needs of it.
    struct Loaded
    {
        NotificationItem item;
        QByteArray contentKey;
        bool contentKeyExpires = false;
    };
    using Totals = Notify::NotificationListFetcher::Totals;

    static constexpr int SnapshotItems = 1000;
    static constexpr int OlderItems = 500;

    NotificationLoader(QNetworkAccessManager *network, const Notify::EventInterpreter *interpreter,
                       QObject *parent = nullptr);

    /// The list (its URL may carry a query of its own) and how to ask for it.
    void setList(const QUrl &list, const Notify::Credentials &credentials);

    void fetchSnapshot();
    /// The next OlderItems after the first @p have; nothing while one is on its way.
    void fetchOlder(qsizetype have);
    [[nodiscard]] bool isFetchingOlder() const { return m_older->isFetching(); }
    void fetchCounts();

signals:
    /// Oldest first.
    void snapshotLoaded(const QList<NotificationLoader::Loaded> &items, const NotificationLoader::Totals &totals);
    /// Newest first, as the list has them; read where the list does not say (history is not alerted).
    void olderLoaded(const QList<NotificationItem> &items, const NotificationLoader::Totals &totals);
    void counted(const NotificationLoader::Totals &totals);
    void snapshotFailed(int status, const QString &message);
    void olderFailed(int status, const QString &message);
    void countFailed(int status, const QString &message);

private:
    [[nodiscard]] QUrl page(int limit, qsizetype offset = -1) const;
    /// The list's notifications, read as the list says; with @p readUnlessSaid, read where it does not say.
    [[nodiscard]] QList<Loaded> read(const QList<QJsonObject> &list, bool readUnlessSaid) const;

    QNetworkAccessManager *m_network;
    const Notify::EventInterpreter *m_interpreter;
    Notify::NotificationListFetcher *m_snapshot;
    Notify::NotificationListFetcher *m_older;
    Notify::NotificationListFetcher *m_counts;
    QUrl m_list;
    Notify::Credentials m_credentials;
};

} // namespace Notify::Tray
