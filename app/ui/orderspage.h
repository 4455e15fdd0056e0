// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace Notify::Tray {

class DesktopSession;

/// The Orders tab: open orders first, newest first, searchable; finished
/// ones (delivered, cancelled, refunded) in a "Done" group that folds away;
/// the selected order's status timeline beside.
class OrdersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit OrdersPage(DesktopSession *session, QWidget *parent = nullptr);
    void focusSearch();
    [[nodiscard]] QTableView *activeView() const { return m_active; }
    [[nodiscard]] QTableView *doneView() const { return m_done; }
    [[nodiscard]] QListWidget *timeline() const { return m_timeline; }

private:
    QTableView *makeView(QSortFilterProxyModel *proxy, const QString &name);
    void showTimeline(const QModelIndex &index);
    void updateDoneHeader();

    DesktopSession *m_session;
    QLineEdit *m_search;
    QSortFilterProxyModel *m_activeProxy;
    QSortFilterProxyModel *m_doneProxy;
    QTableView *m_active;
    QTableView *m_done;
    QToolButton *m_doneToggle;
    QListWidget *m_timeline;
};

} // namespace Notify::Tray
