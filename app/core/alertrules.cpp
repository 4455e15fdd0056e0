// SPDX-License-Identifier: MIT
#include "alertrules.h"

#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notify::Tray {

bool Rule::matches(const RuleSubject &subject) const
{
    const auto same = [](const QString &wanted, const QString &value) {
        return wanted.isEmpty() || wanted.compare(value, Qt::CaseInsensitive) == 0;
    };
    return same(source, subject.source) && same(type, subject.type) && same(level, subject.level)
        && same(category, subject.category) && (text.isEmpty() || subject.text.contains(text, Qt::CaseInsensitive));
}

RuleAction Rule::decide(const QList<Rule> &rules, const RuleSubject &subject)
{
    for (const Rule &rule : rules) {
        if (rule.matches(subject))
            return rule.action;
    }
    return RuleAction::Alert;
}

namespace {

constexpr int DayBit(int isoDay) // 1 Monday … 7 Sunday
{
    return 1 << (isoDay - 1);
}

} // namespace

bool QuietHours::isQuiet(const QDateTime &localTime) const
{
    return endOfSpell(localTime).isValid();
}

QDateTime QuietHours::endOfSpell(const QDateTime &localTime) const
{
    if (!from.isValid() || !to.isValid() || from == to)
        return {};
    const QDate today = localTime.date();
    const QTime now = localTime.time();
    const auto startsOn = [this](QDate day) { return (days & DayBit(day.dayOfWeek())) != 0; };
    if (from < to) { // within a day: 12:00-13:00
        if (startsOn(today) && now >= from && now < to)
            return QDateTime(today, to, localTime.timeZone());
        return {};
    }
    // Across midnight: 19:00-07:00 starts on a listed day and ends the next morning.
    if (startsOn(today) && now >= from)
        return QDateTime(today.addDays(1), to, localTime.timeZone());
    if (startsOn(today.addDays(-1)) && now < to)
        return QDateTime(today, to, localTime.timeZone());
    return {};
}

bool QuietHours::breaksThrough(std::optional<Notify::Protocol::Level> level) const
{
    return breakThrough && level && int(*level) >= int(*breakThrough);
}

std::optional<quint8> QuietHours::parseDays(const QString &text)
{
    static const QStringList names{ u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s };
    const QString lower = text.trimmed().toLower();
    if (lower == u"daily")
        return quint8(0x7f);
    quint8 days = 0;
    for (const QString &part : lower.split(u',')) {
        const QStringList ends = part.trimmed().split(u'-');
        if (ends.size() > 2)
            return std::nullopt;
        const qsizetype first = names.indexOf(ends.constFirst());
        const qsizetype last = names.indexOf(ends.constLast());
        if (first < 0 || last < 0)
            return std::nullopt;
        // "fri-mon" wraps over the weekend.
        for (qsizetype d = first;; d = (d + 1) % 7) {
            days |= quint8(1 << d);
            if (d == last)
                break;
        }
    }
    return days == 0 ? std::nullopt : std::optional<quint8>(days);
}

} // namespace Notify::Tray
