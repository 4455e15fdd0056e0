// SPDX-License-Identifier: MIT
#include "notificationdelegate.h"

#include "notificationmodel.h"

#include <QApplication>
#include <QPainter>

int NotificationDelegate::rowHeight(const QFont &font)
{
    return QFontMetrics(font).height() * 2 + 10;
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(rowHeight(option.font));
    return size;
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    const QString line = index.data(NotificationModel::BodyLineRole).toString();
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, focus, selection

    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 4, -2, -4);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);

    painter->save();
    const QFontMetrics titleMetrics(opt.font);
    const int lineHeight = titleMetrics.height();
    painter->setFont(opt.font); // bold while unread, from the model
    painter->setPen(text);
    painter->drawText(QRect(rect.left(), rect.top(), rect.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, rect.width()));
    if (!line.isEmpty()) {
        QFont plain = opt.font;
        plain.setBold(false);
        const QFontMetrics lineMetrics(plain);
        painter->setFont(plain);
        painter->setPen(dim);
        painter->drawText(QRect(rect.left(), rect.top() + lineHeight, rect.width(), lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, lineMetrics.elidedText(line, Qt::ElideRight, rect.width()));
    }
    painter->restore();
}
