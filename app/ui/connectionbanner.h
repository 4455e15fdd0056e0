// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Notify::Tray {

/// A strip at the top of the window: what is wrong with the connection, in
/// words, with what to do about it (Settings, Retry); or a notice the user
/// closes. Hidden while all is well.
class ConnectionBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Problem, TokenRefused, Notice };

    explicit ConnectionBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

signals:
    void settingsRequested();
    void retryRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The tint of the kind over the application's window colour of now.
    void applyTint();

    QLabel *m_text;
    QPushButton *m_settings;
    QPushButton *m_retry;
    QPushButton *m_close;
    Kind m_kind = Kind::Notice;
};

} // namespace Notify::Tray
