// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

/// A notification's row: the title (bold while unread, "×5" for a group) and
/// under it the body's first line, dimmed.
class NotificationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The height of a two-line row for @p font.
    [[nodiscard]] static int rowHeight(const QFont &font);
};
