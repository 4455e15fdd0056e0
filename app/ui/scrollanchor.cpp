// SPDX-License-Identifier: MIT
#include "scrollanchor.h"

#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

namespace Notify::Tray {

ScrollAnchor::ScrollAnchor(QTableView *view)
    : QObject(view)
    , m_view(view)
    , m_newButton(new QPushButton(view->viewport()))
{
    m_newButton->setObjectName(QStringLiteral("newAbove"));
    m_newButton->setAccessibleDescription(tr("Scrolls to the newest notifications"));
    m_newButton->hide();
    connect(m_newButton, &QPushButton::clicked, this, &ScrollAnchor::jumpToNew);
    QAbstractItemModel *model = m_view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    // A big batch arrives as one layout change: the row at the top of the
    // view stays there, as it does for insertions.
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] {
        m_topBefore = reading() ? QPersistentModelIndex(m_view->indexAt(QPoint(1, 1))) : QPersistentModelIndex();
        m_topRowBefore = m_topBefore.isValid() ? m_topBefore.row() : -1;
    });
    connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (!m_topBefore.isValid())
            return;
        const int row = m_topBefore.row();
        m_view->verticalScrollBar()->setValue(row);
        if (row > m_topRowBefore)
            showNewAbove(row - m_topRowBefore);
        m_topBefore = QPersistentModelIndex();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && m_newAbove > 0) {
            m_newAbove = 0;
            m_newButton->hide();
        }
    });
}

bool ScrollAnchor::reading() const
{
    // Someone looking further down, or at a selected row.
    return m_view->verticalScrollBar()->value() > 0 || m_view->selectionModel()->hasSelection();
}

void ScrollAnchor::onRowsInserted(int first, int last)
{
    if (first != 0)
        return; // older ones, below: nothing moves
    // New ones at the top. Someone looking further down, or at a selected
    // row, keeps looking at the same rows; "N new" takes them up.
    if (!reading())
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    const int added = last - first + 1;
    bar->setValue(bar->value() + added);
    showNewAbove(added);
}

void ScrollAnchor::showNewAbove(int added)
{
    m_newAbove += added;
    m_newButton->setText(tr("↑ %n new", nullptr, m_newAbove));
    m_newButton->adjustSize();
    m_newButton->move((m_view->viewport()->width() - m_newButton->width()) / 2, 4);
    m_newButton->show();
    m_newButton->raise();
}

void ScrollAnchor::jumpToNew()
{
    m_newAbove = 0;
    m_newButton->hide();
    m_view->scrollToTop();
    m_view->setCurrentIndex(m_view->model()->index(0, 0));
}

} // namespace Notify::Tray
