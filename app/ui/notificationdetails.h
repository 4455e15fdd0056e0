// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>
#include <QPointer>
#include <QStackedWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace Notify::Tray {

/// The notification the user selected: title, body, time, level, category
/// and link (opened in the browser), with its actions; a friendly hint when
/// nothing is selected. What it shows stays until the user chooses another
/// (a row that leaves the list keeps its text here, saying so).
class NotificationDetails final : public QStackedWidget
{
    Q_OBJECT

public:
    explicit NotificationDetails(QWidget *parent = nullptr);

    /// Shows the row @p index (of a view's model), or the hint when invalid.
    void show(const QModelIndex &index);
    /// The row shown; invalid when none is, or when it left the list.
    [[nodiscard]] QPersistentModelIndex current() const { return m_current; }
    /// The notifications the pane shows (the row's members), empty on the hint.
    [[nodiscard]] QStringList shownIds() const { return m_ids; }
    /// Whether "Mark unread" is offered (the server has it), with why not.
    void setUnreadOffered(bool offered, const QString &why);
    /// Whether the server takes claims (the Claim button and "Handled by"
    /// are shown), and who the user is (their claims can be released).
    void setClaimsOffered(bool offered, const QString &me);
    /// Whether what is shown is read (as last known).
    [[nodiscard]] bool shownRead() const { return m_shownRead; }

signals:
    void markReadRequested(const QStringList &ids);
    void markUnreadRequested(const QStringList &ids);
    void copyRequested();
    /// The user takes the notification on, or gives it back.
    void claimRequested(const QString &id);
    void releaseRequested(const QString &id);

private:
    void follow();

    QPersistentModelIndex m_current;
    QPointer<const QAbstractItemModel> m_model; ///< whose signals it follows (its index may go first)
    QStringList m_ids;
    bool m_shownRead = false;
    bool m_unreadOffered = true;
    QString m_unreadMissing;
    QString m_linkUrl;
    bool m_claimsOffered = false;
    QString m_me;
    QLabel *m_title;
    QLabel *m_gone;
    QLabel *m_meta;
    QLabel *m_handled;
    QTextBrowser *m_body;
    QPushButton *m_link;
    QPushButton *m_read;
    QPushButton *m_copy;
    QPushButton *m_claim;
};

} // namespace Notify::Tray
