// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Notify::Tray {

class AllSourcesModel;
class Desk;
class DesktopSession;

/// "All sources": every source's notifications in one list with a Source
/// column, a source filter, a search and Unread only. Enter (or a double
/// click) opens a notification in its source's own view, where it is read,
/// claimed and answered; R marks the selected ones read at their sources.
class AllSourcesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit AllSourcesPage(Desk *desk, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] AllSourcesModel *model() const { return m_model; }
    [[nodiscard]] QComboBox *sourceFilter() const { return m_source; }
    void focusSearch();

signals:
    /// Open @p notificationId in @p session's view.
    void openRequested(Notify::Tray::DesktopSession *session, const QString &notificationId);

private:
    void refreshSources();
    void openCurrent();
    void markSelectedRead();

    Desk *m_desk;
    AllSourcesModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_source;
    QCheckBox *m_unreadOnly;
    QTableView *m_view;
    QLabel *m_empty;
};

} // namespace Notify::Tray
