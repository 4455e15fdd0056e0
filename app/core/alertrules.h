// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace Notify::Tray {

/// What happens to an event (docs/CONFIGURATION.md, "rules").
enum class RuleAction {
    Alert, ///< listed, counted and alerted (what happens without rules)
    Silent, ///< listed and counted, no alert
    Hide, ///< not listed
};

/// What a rule looks at in an event.
struct RuleSubject
{
    QString source;
    QString type; ///< the contract's event type: notification, order_status, message, presence
    QString level; ///< info, success, warning, error (empty when the event has none)
    QString category;
    QString text; ///< the title and the message, for "text"
};

/// A rule: every field that is set must match (text: contained, in any case); an empty match matches all.
struct Rule
{
    QString source;
    QString type;
    QString level;
    QString category;
    QString text;
    RuleAction action = RuleAction::Alert;

    [[nodiscard]] bool matches(const RuleSubject &subject) const;
    bool operator==(const Rule &other) const = default;
    /// The first rule in @p rules that matches decides; none: Alert.
    [[nodiscard]] static RuleAction decide(const QList<Rule> &rules, const RuleSubject &subject);
};

/// A weekly schedule of quiet hours, and the level that still alerts.
struct QuietHours
{
    quint8 days = 0x7f; ///< bit 0 Monday … bit 6 Sunday: the days a quiet spell starts on
    QTime from;
    QTime to; ///< before `from`: the spell ends the next day
    std::optional<Notify::Protocol::Level> breakThrough; ///< this level and above alert anyway; unset: nothing does

    /// Whether @p localTime falls in a quiet spell.
    [[nodiscard]] bool isQuiet(const QDateTime &localTime) const;
    /// When the spell @p localTime is in ends (invalid when it is not quiet).
    [[nodiscard]] QDateTime endOfSpell(const QDateTime &localTime) const;
    /// Whether an event of @p level alerts during a quiet spell.
    [[nodiscard]] bool breaksThrough(std::optional<Notify::Protocol::Level> level) const;
    /// "mon-fri" and the like into days; nothing when it names no day.
    [[nodiscard]] static std::optional<quint8> parseDays(const QString &text);
    bool operator==(const QuietHours &other) const = default;
};

} // namespace Notify::Tray
