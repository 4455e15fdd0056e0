// SPDX-License-Identifier: MIT
#include "notificationdelegate.h"

#include "core/notificationmodel.h"

#include <QApplication>
#include <QPainter>

namespace Notify::Tray {

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

const QStaticText &NotificationDelegate::laidOut(const QString &text, const QFont &font, int width) const
{
    const QString key = text + QChar(0x1f) + QString::number(width) + QChar(0x1f) + font.key();
    if (QStaticText *cached = m_texts.object(key))
        return *cached;
    QStaticText laid(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
    laid.setTextFormat(Qt::PlainText);
    laid.setPerformanceHint(QStaticText::AggressiveCaching);
    laid.prepare(QTransform(), font);
    m_texts.insert(key, new QStaticText(laid)); // (deleted at once if the cache refuses it)
    if (QStaticText *cached = m_texts.object(key))
        return *cached;
    m_uncached = laid;
    return m_uncached;
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, icon, focus, selection

    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 4, -2, -4);
    if (rect.width() <= 0)
        return;
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor color = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const int lineHeight = QFontMetrics(opt.font).height();

    painter->save();
    painter->setPen(color);
    if (index.column() != NotificationModel::TitleColumn) {
        painter->setFont(opt.font);
        painter->drawStaticText(rect.left(), rect.top() + (rect.height() - lineHeight) / 2,
                                laidOut(text, opt.font, rect.width()));
        painter->restore();
        return;
    }
    painter->setFont(opt.font); // bold while unread, from the model
    painter->drawStaticText(rect.topLeft(), laidOut(text, opt.font, rect.width()));
    const QString line = index.data(NotificationModel::BodyLineRole).toString();
    QFont plain = opt.font;
    plain.setBold(false);
    // Who handles it leads the second line ("Handled by Bob"), in the link
    // colour; one nobody took on in time says so.
    const QString claimer = index.data(NotificationModel::ClaimedByNameRole).toString();
    QString tag;
    if (index.data(NotificationModel::ClaimedByMeRole).toBool())
        tag = tr("Handled by you");
    else if (!claimer.isEmpty())
        tag = tr("Handled by %1").arg(claimer);
    else if (index.data(NotificationModel::EscalatedRole).toBool())
        tag = tr("Still unclaimed");
    int left = rect.left();
    if (!tag.isEmpty()) {
        QFont strong = plain;
        strong.setBold(true);
        painter->setFont(strong);
        painter->setPen(selected ? color : opt.palette.color(group, QPalette::Link));
        const QStaticText &laid = laidOut(tag, strong, rect.width());
        painter->drawStaticText(left, rect.top() + lineHeight, laid);
        left += int(laid.size().width()) + QFontMetrics(plain).horizontalAdvance(QStringLiteral(" · "));
    }
    if (!line.isEmpty() && left < rect.right()) {
        QColor dim = color;
        dim.setAlphaF(0.65f);
        painter->setFont(plain);
        painter->setPen(dim);
        painter->drawStaticText(left, rect.top() + lineHeight, laidOut(line, plain, rect.right() - left));
    }
    painter->restore();
}

} // namespace Notify::Tray
