// SPDX-License-Identifier: MIT
#include "connectionbanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Notify::Tray {

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
    qApp->installEventFilter(this);
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
    applyTint();
    setAccessibleName(kind == Kind::Notice ? tr("Notice") : tr("Connection problem"));
    show();
}

void ConnectionBanner::applyTint()
{
    // Amber for a problem, red for a refused token, the window's own colours
    // for a notice; over the application's palette, so that the text keeps
    // its contrast when the desktop switches between light and dark.
    const QPalette app = QApplication::palette(this);
    const QColor tint = m_kind == Kind::TokenRefused ? QColor(0xc6, 0x28, 0x28)
        : m_kind == Kind::Problem                    ? QColor(0xf9, 0xa8, 0x25)
                                                     : app.color(QPalette::Highlight);
    const QColor window = app.color(QPalette::Window);
    const QColor background
        = QColor::fromRgbF(window.redF() * 0.8f + tint.redF() * 0.2f, window.greenF() * 0.8f + tint.greenF() * 0.2f,
                           window.blueF() * 0.8f + tint.blueF() * 0.2f);
    QPalette p = app;
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, app.color(QPalette::WindowText));
    setPalette(p);
}

bool ConnectionBanner::eventFilter(QObject *watched, QEvent *event)
{
    // The application hears of a new palette first; our explicit one would hide it.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        applyTint();
    return QFrame::eventFilter(watched, event);
}

QString ConnectionBanner::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace Notify::Tray
