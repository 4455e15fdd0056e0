// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Notify::Server {

/// Publishing, as the REST API, presence and the demo need it.
class EventPublisher
{
public:
    virtual ~EventPublisher() = default;

    /// Stores and fans out one event. @p audience empty: everybody. Returns
    /// the event id, or nothing with @p error set when the store failed
    /// (nothing was acknowledged then).
    virtual std::optional<QByteArray> publish(const QByteArray &type, const QJsonObject &data,
                                              const QStringList &audience, QString *error = nullptr)
        = 0;

    /// One event of publishLater().
    struct Publication
    {
        QByteArray type;
        QJsonObject data;
        QStringList audience; ///< empty: everybody
    };
    /// The ids of what publishLater() stored, in order; or nothing, with
    /// @p error, when the store failed (then none of them was stored).
    using Published = std::function<void(const std::optional<QList<QByteArray>> &ids, const QString &error)>;
    /// Stores @p events all or none, together with everything else
    /// published this way in the same turn of the hub's event loop (group
    /// commit: one transaction or one script call for all of them), then
    /// calls @p done (later, on the hub's thread) and fans them out.
    virtual void publishLater(QList<Publication> events, Published done) = 0;

protected:
    EventPublisher() = default;
    Q_DISABLE_COPY_MOVE(EventPublisher)
};

} // namespace Notify::Server
