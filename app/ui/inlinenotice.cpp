// SPDX-License-Identifier: MIT
#include "inlinenotice.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Notify::Tray {

InlineNotice::InlineNotice(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
    , m_close(new QToolButton)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("What became of your last action"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("×"));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close the notice"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 2, 2);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void InlineNotice::say(const QString &text)
{
    m_text->setText(text);
    show();
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

QString InlineNotice::text() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

} // namespace Notify::Tray
