// SPDX-License-Identifier: MIT
#include "emptystate.h"

#include <QAbstractItemView>
#include <QEvent>

namespace Notify::Tray {

EmptyState::EmptyState(QAbstractItemView *view, std::function<QString()> text)
    : QLabel(view->viewport())
    , m_view(view)
    , m_text(std::move(text))
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setEnabled(false); // drawn in the palette's disabled text colour: a hint, not content
    setMargin(24);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &EmptyState::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::refresh);
    refresh();
}

void EmptyState::refresh()
{
    const bool empty = m_view->model()->rowCount() == 0;
    if (empty) {
        setText(m_text());
        setAccessibleName(text());
        resize(m_view->viewport()->size());
    }
    setVisible(empty);
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        resize(m_view->viewport()->size());
    return QLabel::eventFilter(watched, event);
}

} // namespace Notify::Tray
