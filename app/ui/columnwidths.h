// SPDX-License-Identifier: MIT
#pragma once

#include "core/displaytext.h"

#include <QDateTime>
#include <QFontMetrics>

namespace Notify::Tray {

/// Column widths from the font, for the longest text a column can hold, so
/// that nothing is cut off ("27 Nov 2…") and nothing has to be measured row
/// by row as rows come (QHeaderView::ResizeToContents measures every row
/// on every change: too slow under a burst).
namespace ColumnWidths {

/// Wide enough for any DisplayText::eventTime(): "Yesterday 14:03", a date
/// with a time, "59 min ago".
inline int eventTime(const QFontMetrics &metrics)
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime samples[] = { now.addSecs(-59 * 60), now.addDays(-1), now.addDays(-3),
                                  QDateTime(QDate(now.date().year(), 12, 28), QTime(23, 58)) };
    int widest = 0;
    for (const QDateTime &sample : samples)
        widest = std::max(widest, metrics.horizontalAdvance(DisplayText::eventTime(sample, now)));
    return widest + 24;
}

/// About @p characters average characters, for names and ids.
inline int characters(const QFontMetrics &metrics, int characters)
{
    return metrics.averageCharWidth() * characters + 16;
}

} // namespace ColumnWidths

} // namespace Notify::Tray
