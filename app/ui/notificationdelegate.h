// SPDX-License-Identifier: MIT
#pragma once

#include <QCache>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace Notify::Tray {

/// Every cell of the notifications list. The title's cell has two lines: the
/// title (bold while unread, "×5" for a group) and under it the body's first
/// line, dimmed; the other cells one, centred.
///
/// Texts are drawn from a cache of laid-out, elided QStaticText: the list
/// repaints with every batch of a stream, and shaping the same "Information",
/// "orders" and titles again each time was most of what a repaint cost.
class NotificationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The height of a two-line row for @p font.
    [[nodiscard]] static int rowHeight(const QFont &font);

private:
    /// @p text elided to @p width in @p font, laid out once.
    const QStaticText &laidOut(const QString &text, const QFont &font, int width) const;

    mutable QCache<QString, QStaticText> m_texts{ 4000 };
    /// The last text laid out, should the cache refuse it.
    mutable QStaticText m_uncached;
};

} // namespace Notify::Tray
