// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

namespace Notify::Tray {

/// A friendly sentence in an empty list ("No orders yet: …"), on the view's
/// viewport, shown while its model has no rows.
class EmptyState final : public QLabel
{
    Q_OBJECT

public:
    /// @p text is asked again whenever the list empties (it may depend on filters).
    EmptyState(QAbstractItemView *view, std::function<QString()> text);

    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    std::function<QString()> m_text;
};

} // namespace Notify::Tray
