// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Notify::Tray {

class DesktopSession;
class NotificationFilterModel;

/// The bar above the notification list: it turns what the user types and
/// picks there (search, level, category, unread only, waiting for someone) into the filter
/// model's filters, and keeps its controls in step when they change elsewhere.
class NotificationFilterBar final : public QWidget
{
    Q_OBJECT

public:
    /// Typing in the search box filters once the user pauses this long.
    static constexpr int SearchDelayMs = 150;

    /// @p unreadOnly is the page's "unread only" action, the check box follows it;
    /// the "mark all read" button triggers @p markShownRead and shows its text.
    /// @p waitingOnly is the page's "waiting for someone" action (unclaimed only), the same way.
    NotificationFilterBar(DesktopSession *session, NotificationFilterModel *filter, QAction *unreadOnly,
                          QAction *waitingOnly, QAction *markShownRead, QWidget *parent = nullptr);

    void focusSearch();
    /// Offers the categories the list has now (keeping the chosen one).
    void refreshCategories();
    /// The last of the bar's controls in the tab order.
    [[nodiscard]] QWidget *lastInTabOrder() const;

signals:
    /// A filter changed: what is shown, and what the actions say, may have too.
    void filtersChanged();
    /// The categories offered changed to @p categories.
    void categoriesChanged(const QStringList &categories);
    /// Down in the search box: the user goes on to the list.
    void listRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    DesktopSession *m_session;
    NotificationFilterModel *m_filter;
    QAction *m_unreadOnly;
    QAction *m_waitingOnly;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_category;
    QCheckBox *m_unreadBox;
    QCheckBox *m_waitingBox;
    QPushButton *m_markShownButton;
    QTimer *m_searchTimer;
};

} // namespace Notify::Tray
