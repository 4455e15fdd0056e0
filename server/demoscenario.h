// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QObject>
#include <QRandomGenerator>

class QTimer;

namespace Notify::Server {

class NotifyServer;

/// Keeps a demo server alive with realistic traffic, or plays a script.
///
/// The built-in demo publishes, every few seconds, notifications of every
/// level, order status transitions (pending → confirmed → processing →
/// shipped → delivered, sometimes cancelled or refunded), messages from
/// colleagues and colleagues' presence changes. Errors go to the "support"
/// group, and bob claims some of them a few seconds later (one at once when
/// the demo starts), so that the window shows "Handled by Bob" from the
/// first minute. A scenario file is
/// `{"loop":false,"events":[{"at_ms":0,"event":"notification","user":"alice","data":{…}}]}`,
/// played in order at the given offsets.
class DemoScenario final : public QObject
{
    Q_OBJECT

public:
    DemoScenario(NotifyServer &server, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DemoScenario)

    /// Starts the built-in demo; the first event after @p firstDelayMs.
    void startDemo(int intervalMs = 2000, int firstDelayMs = 500);
    /// A warehouse's traffic instead (the tray's second demo source): deliveries, stock, damage, the forklift.
    void startWarehouseDemo(int intervalMs = 4000, int firstDelayMs = 1000);
    /// Loads and starts a scenario file; false with @p error when it is invalid.
    bool startScript(const QString &path, QString *error);

private:
    void demoStep();
    void warehouseStep();
    /// An error for the support group; bob claims it after @p bobClaimsAfterMs (-1: never).
    void publishTeamError(const QString &title, const QString &body, int bobClaimsAfterMs);
    /// Notification @p id, created now, to @p audience (empty: everybody).
    bool publishNotification(const QString &id, const char *level, const char *category, const QString &title,
                             const QString &body, const QStringList &audience);
    static inline const QString SupportGroup = QStringLiteral("support");
    void scriptStep();

    struct Order
    {
        QString id;
        QString user;
        int stage = 0;
    };

    NotifyServer &m_server;
    QTimer *m_timer;
    QRandomGenerator m_random;
    QList<Order> m_orders;
    int m_nextOrder = 4711;
    int m_nextNotification = 1;
    QJsonArray m_script;
    qsizetype m_scriptIndex = 0;
    bool m_loop = false;
    qint64 m_scriptStartMs = 0;
};

} // namespace Notify::Server
