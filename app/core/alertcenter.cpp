// SPDX-License-Identifier: MIT
#include "alertcenter.h"

#include "displaytext.h"

#include <QCoreApplication>
#include <QTimer>

namespace Notify::Tray {

AlertCenter::AlertCenter(Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_timer(new QTimer(this))
    , m_pauseEnd(new QTimer(this))
    , m_quietEnd(new QTimer(this))
{
    m_quietEnd->setSingleShot(true);
    connect(m_quietEnd, &QTimer::timeout, this, &AlertCenter::checkQuietHours);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AlertCenter::flush);
    m_pauseEnd->setSingleShot(true);
    connect(m_pauseEnd, &QTimer::timeout, this, [this] { pause({}); });
}

qint64 AlertCenter::nowMs() const
{
    return clock ? clock() : QDateTime::currentMSecsSinceEpoch();
}

void AlertCenter::setLimits(int perWindow, qint64 windowMs)
{
    m_throttle = AlertThrottle(perWindow, windowMs);
    m_perWindow = perWindow;
}

bool AlertCenter::isPaused() const
{
    return m_pausedUntil.isValid() && QDateTime::fromMSecsSinceEpoch(nowMs()) < m_pausedUntil;
}

void AlertCenter::pause(const QDateTime &until)
{
    const bool wasPaused = isPaused() || (m_pausedUntil.isValid() && !until.isValid());
    m_pausedUntil = until;
    if (until.isValid())
        m_pauseEnd->start(
            int(std::clamp<qint64>(until.toMSecsSinceEpoch() - nowMs(), 0, std::numeric_limits<int>::max())));
    else
        m_pauseEnd->stop();
    emit pausedChanged(until);
    if (!wasPaused || isPaused() || m_missed.isEmpty())
        return;
    // Over during quiet hours: what it held waits for their end.
    if (isQuiet()) {
        keepQuiet(std::exchange(m_missed, {}));
        m_heldQuietBeyond += std::exchange(m_missedBeyond, 0);
        return;
    }
    // Over: one alert says what came meanwhile (what was read meanwhile is not in it).
    //: %1 counts what arrived, e.g. "3 notifications, 1 message"
    showSummary(QStringLiteral("missed"), tr("While Do not disturb was on: %1"), std::exchange(m_missed, {}),
                std::exchange(m_missedBeyond, 0));
}

void AlertCenter::setQuietHours(const std::optional<QuietHours> &quiet)
{
    m_quiet = quiet;
    m_quietEnd->stop();
    if (isQuiet())
        keepQuiet({}); // arms the end
    else if (!m_heldQuiet.isEmpty() || m_heldQuietBeyond > 0)
        checkQuietHours(); // switched off (or moved) during a spell: what it held is said now
}

bool AlertCenter::isQuiet() const
{
    return m_quiet && m_quiet->isQuiet(QDateTime::fromMSecsSinceEpoch(nowMs()));
}

void AlertCenter::keepQuiet(const QList<QPair<Kind, Notifier::Alert>> &alerts)
{
    for (const auto &entry : alerts) {
        if (m_heldQuiet.size() < MaxMissed)
            m_heldQuiet.append(entry);
        else
            ++m_heldQuietBeyond;
    }
    if (!m_quiet)
        return;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs());
    const QDateTime end = m_quiet->endOfSpell(now);
    if (end.isValid())
        m_quietEnd->start(int(std::clamp<qint64>(now.msecsTo(end), 0, std::numeric_limits<int>::max())));
}

void AlertCenter::checkQuietHours()
{
    if (isQuiet()) {
        keepQuiet({}); // woken early (a clock change): wait for the real end
        return;
    }
    if (m_heldQuiet.isEmpty() && m_heldQuietBeyond == 0)
        return;
    if (isPaused()) {
        keepMissed(std::exchange(m_heldQuiet, {}));
        m_missedBeyond += std::exchange(m_heldQuietBeyond, 0);
        return;
    }
    //: %1 counts what arrived, e.g. "12 notifications" or "3 notifications, 1 message"
    showSummary(QStringLiteral("quiet"), tr("%1 while quiet"), std::exchange(m_heldQuiet, {}),
                std::exchange(m_heldQuietBeyond, 0));
}

void AlertCenter::show(const Notifier::Alert &alert)
{
    if (m_prefix.isEmpty()) {
        m_notifier->show(alert);
        return;
    }
    Notifier::Alert prefixed = alert;
    prefixed.title = m_prefix + alert.title;
    m_notifier->show(prefixed);
}

void AlertCenter::offer(Kind kind, const Notifier::Alert &alert)
{
    if (!m_notifier)
        return;
    if (isPaused()) {
        keepMissed({ { kind, alert } });
        return;
    }
    if (!m_heldQuiet.isEmpty() && !isQuiet())
        checkQuietHours(); // the spell ended while the machine slept through its timer
    if (isQuiet() && !m_quiet->breaksThrough(alert.level)) {
        keepQuiet({ { kind, alert } });
        return;
    }
    if (m_throttle.offer(nowMs()) == AlertThrottle::Decision::Show) {
        show(alert);
        return;
    }
    m_deferred.append({ kind, alert });
    if (!m_timer->isActive())
        m_timer->start(int(std::max<qint64>(0, m_throttle.summaryDueMs() - nowMs())));
}

void AlertCenter::withdraw(const QStringList &keys)
{
    if (!m_notifier)
        return;
    for (const QString &key : keys) {
        m_notifier->withdraw(key);
        m_deferred.removeIf([&key](const auto &entry) { return entry.second.key == key; });
        m_missed.removeIf([&key](const auto &entry) { return entry.second.key == key; });
        m_heldQuiet.removeIf([&key](const auto &entry) { return entry.second.key == key; });
    }
}

QString AlertCenter::summaryTitle(const QList<QPair<Kind, int>> &counts)
{
    QStringList parts;
    for (const auto &[kind, n] : counts) {
        switch (kind) {
        case Kind::Notification:
            parts << tr("%n notification(s)", nullptr, n);
            break;
        case Kind::OrderUpdate:
            parts << tr("%n order update(s)", nullptr, n);
            break;
        case Kind::Message:
            parts << tr("%n message(s)", nullptr, n);
            break;
        case Kind::Presence:
            parts << tr("%n colleague(s) came or went", nullptr, n);
            break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

void AlertCenter::flush()
{
    const int count = m_throttle.takeSummary(nowMs());
    QList<QPair<Kind, Notifier::Alert>> deferred = std::exchange(m_deferred, {});
    if (isPaused()) {
        keepMissed(deferred); // for the summary at its end
        return;
    }
    if (isQuiet()) {
        // A spell began while they waited: it takes what does not break through.
        QList<QPair<Kind, Notifier::Alert>> through;
        for (const auto &entry : deferred) {
            if (m_quiet->breaksThrough(entry.second.level))
                through << entry;
            else
                keepQuiet({ entry });
        }
        deferred = through;
    }
    if (count <= 0 || deferred.isEmpty() || !m_notifier)
        return;
    if (deferred.size() == 1) {
        show(deferred.first().second); // one is not a summary
        return;
    }
    showSummary(QStringLiteral("summary"), QStringLiteral("%1"), deferred);
}

void AlertCenter::keepMissed(const QList<QPair<Kind, Notifier::Alert>> &alerts)
{
    // A night of Do not disturb keeps what its summary can name, and counts the rest.
    for (const auto &entry : alerts) {
        if (m_missed.size() < MaxMissed)
            m_missed.append(entry);
        else
            ++m_missedBeyond;
    }
}

int AlertCenter::rank(Kind kind, const Notifier::Alert &alert)
{
    if (kind == Kind::Message)
        return 0;
    return alert.urgency == Notifier::Urgency::Critical ? 1 : 2;
}

void AlertCenter::showSummary(const QString &key, const QString &titleFormat, QList<QPair<Kind, Notifier::Alert>> held,
                              int heldBeyond)
{
    QList<QPair<Kind, int>> counts;
    for (const Kind kind : { Kind::Message, Kind::Notification, Kind::OrderUpdate, Kind::Presence }) {
        int n
            = int(std::count_if(held.cbegin(), held.cend(), [kind](const auto &entry) { return entry.first == kind; }));
        if (kind == Kind::Notification)
            n += heldBeyond; // past what was kept: counted as notifications
        if (n > 0)
            counts.append({ kind, n });
    }
    // The messages from colleagues and the errors by name, before the rest.
    std::stable_sort(held.begin(), held.end(),
                     [](const auto &a, const auto &b) { return rank(a.first, a.second) < rank(b.first, b.second); });
    QStringList lines;
    for (const auto &[kind, alert] : std::as_const(held)) {
        if (lines.size() == MaxNamedInSummary)
            break;
        lines << (alert.body.isEmpty() || kind != Kind::Message ? alert.title
                                                                : alert.title + QStringLiteral(": ") + alert.body);
    }
    if (held.size() + heldBeyond > MaxNamedInSummary)
        lines << tr("and %n more", nullptr, int(held.size()) + heldBeyond - MaxNamedInSummary);
    if (m_unread)
        lines << tr("%Ln unread", nullptr, m_unread());
    Notifier::Alert summary;
    summary.key = key;
    summary.title = titleFormat.arg(summaryTitle(counts));
    summary.body = lines.join(u'\n');
    summary.urgency = !held.isEmpty() && rank(held.first().first, held.first().second) < 2 ? Notifier::Urgency::Critical
                                                                                           : Notifier::Urgency::Normal;
    summary.actions = { QStringLiteral("default"), tr("Open") };
    show(summary);
}

void AlertCenter::offerBatch(QList<QPair<Kind, Notifier::Alert>> alerts, const QStringList &reads)
{
    if (alerts.size() > m_perWindow) {
        std::stable_sort(alerts.begin(), alerts.end(), [](const auto &a, const auto &c) {
            return rank(a.first, a.second) < rank(c.first, c.second);
        });
    }
    withdraw(reads);
    for (const auto &[kind, alert] : std::as_const(alerts)) {
        if (alert.key.isEmpty() || !reads.contains(alert.key))
            offer(kind, alert);
    }
}

void AlertCenter::setTokenRefused(bool refused)
{
    if (!m_notifier || std::exchange(m_tokenRefused, refused) == refused)
        return;
    if (!refused) {
        m_notifier->withdraw(TokenRefusedKey);
        return;
    }
    Notifier::Alert a;
    a.key = TokenRefusedKey;
    if (m_prefix.isEmpty()) {
        a.title = tr("Notify: the server refused your token");
    } else {
        //: After a source's name, as in "Shop: the server refused your token"
        a.title = m_prefix + tr("the server refused your token");
    }
    a.body = m_passwordSignIn
        ? tr("No notifications arrive until you sign in again with your password in the settings.")
        : tr("No notifications arrive until you enter a new token in the settings.");
    a.urgency = Notifier::Urgency::Critical;
    a.actions = { QStringLiteral("default"), tr("Open settings"), QStringLiteral("settings"), tr("Open settings") };
    m_notifier->show(a);
}

namespace {

Notifier::Alert makeAlert(const QString &key, const QString &title, const QString &body, Notifier::Urgency urgency,
                          bool markable)
{
    Notifier::Alert a;
    a.key = key;
    a.title = title;
    a.body = body;
    a.urgency = urgency;
    if (!key.isEmpty()) {
        a.actions
            = { QStringLiteral("default"), AlertCenter::tr("Open"), QStringLiteral("open"), AlertCenter::tr("Open") };
        if (markable)
            a.actions << QStringLiteral("mark-read") << AlertCenter::tr("Mark read");
    }
    return a;
}

} // namespace

Notifier::Alert AlertCenter::notificationAlert(const Notify::Protocol::Notification &n)
{
    Notifier::Alert alert = makeAlert(
        n.notificationId, n.title, n.body,
        n.level == Notify::Protocol::Level::Error ? Notifier::Urgency::Critical : Notifier::Urgency::Normal, true);
    alert.level = n.level;
    return alert;
}

Notifier::Alert AlertCenter::escalationAlert(const NotificationItem &item)
{
    //: An error notification nobody has claimed yet, announced again
    Notifier::Alert alert
        = makeAlert(item.id, tr("Still unclaimed: %1").arg(item.title), item.body, Notifier::Urgency::Critical, true);
    alert.level = item.level;
    return alert;
}

void AlertCenter::addClaimAction(Notifier::Alert &alert)
{
    if (!alert.key.isEmpty())
        alert.actions << QStringLiteral("claim") << tr("Claim");
}

Notifier::Alert AlertCenter::orderAlert(const Notify::Protocol::OrderStatus &o)
{
    return makeAlert({}, tr("Order %1: %2").arg(o.orderId, DisplayText::orderStatusName(o)), o.note,
                     o.status == Notify::Protocol::OrderState::Cancelled ? Notifier::Urgency::Critical
                                                                         : Notifier::Urgency::Normal,
                     false);
}

Notifier::Alert AlertCenter::messageAlert(const Notify::Protocol::Message &m, const QString &fromName)
{
    return makeAlert({}, tr("Message from %1").arg(fromName), m.body, Notifier::Urgency::Normal, false);
}

Notifier::Alert AlertCenter::presenceAlert(const Notify::Protocol::Presence &p)
{
    return makeAlert(
        {},
        tr("%1 is %2")
            .arg(p.displayName.isEmpty() ? p.user : p.displayName, DisplayText::presenceName(p.status).toLower()),
        {}, Notifier::Urgency::Low, false);
}

} // namespace Notify::Tray
