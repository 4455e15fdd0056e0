// SPDX-License-Identifier: MIT
#include "connectionbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
    , m_settings(new QPushButton(tr("Open &settings")))
    , m_retry(new QPushButton(tr("Re&try now")))
    , m_close(new QPushButton(tr("Close")))
{
    m_settings->setObjectName(QStringLiteral("bannerSettings"));
    m_retry->setObjectName(QStringLiteral("bannerRetry"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Connection problem"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_settings);
    layout->addWidget(m_retry);
    layout->addWidget(m_close);
    connect(m_settings, &QPushButton::clicked, this, &ConnectionBanner::settingsRequested);
    connect(m_retry, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ConnectionBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    if (text.isEmpty()) {
        hide();
        return;
    }
    m_text->setText(text);
    m_text->setAccessibleName(text);
    m_settings->setVisible(kind != Kind::Notice);
    m_retry->setVisible(kind == Kind::Problem);
    m_close->setVisible(kind == Kind::Notice);
    // Amber for a problem, red for a refused token, the window's own colours for a notice.
    QPalette p = palette();
    const QColor tint = kind == Kind::TokenRefused ? QColor(0xc6, 0x28, 0x28)
        : kind == Kind::Problem                    ? QColor(0xf9, 0xa8, 0x25)
                                                   : p.color(QPalette::Highlight);
    QColor background = p.color(QPalette::Window);
    background = QColor::fromRgbF(background.redF() * 0.8f + tint.redF() * 0.2f,
                                  background.greenF() * 0.8f + tint.greenF() * 0.2f,
                                  background.blueF() * 0.8f + tint.blueF() * 0.2f);
    p.setColor(QPalette::Window, background);
    setPalette(p);
    setAccessibleName(kind == Kind::Notice ? tr("Notice") : tr("Connection problem"));
    show();
}

QString ConnectionBanner::text() const
{
    return isVisible() ? m_text->text() : QString();
}
