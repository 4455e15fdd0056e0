// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

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

protected:
    EventPublisher() = default;
    Q_DISABLE_COPY_MOVE(EventPublisher)
};

} // namespace Notify::Server
