// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Notify::Tray {

/// One line where the user acted, saying what became of it ("Not marked
/// read on the server: …", "The message was not sent: …"), until they close
/// it or something newer replaces it. Screen readers hear it when it shows.
class InlineNotice final : public QFrame
{
    Q_OBJECT

public:
    explicit InlineNotice(QWidget *parent = nullptr);

    void say(const QString &text);
    [[nodiscard]] QString text() const;

private:
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Notify::Tray
