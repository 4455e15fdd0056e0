// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPersistentModelIndex>

class QPushButton;
class QTableView;

namespace Notify::Tray {

/// Keeps the rows the user looks at in place as new ones arrive above them
/// (inserted, or merged in one layout change), and offers "↑ N new" to jump
/// up to them. Someone at the top with nothing selected just sees the new ones.
class ScrollAnchor final : public QObject
{
    Q_OBJECT

public:
    explicit ScrollAnchor(QTableView *view);

    /// How many new ones arrived above the rows the user looks at.
    [[nodiscard]] int newAbove() const { return m_newAbove; }

private:
    void onRowsInserted(int first, int last);
    void showNewAbove(int added);
    void jumpToNew();
    [[nodiscard]] bool reading() const;

    QTableView *m_view;
    QPushButton *m_newButton;
    int m_newAbove = 0;
    /// The top row in view across a layout change (a burst merged in one go).
    QPersistentModelIndex m_topBefore;
    int m_topRowBefore = -1;
};

} // namespace Notify::Tray
