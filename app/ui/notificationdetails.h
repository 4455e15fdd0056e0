// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>
#include <QStackedWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

/// The notification the user selected: title, body, time, level, category
/// and link (opened in the browser), with its actions; a friendly hint when
/// nothing is selected.
class NotificationDetails final : public QStackedWidget
{
    Q_OBJECT

public:
    explicit NotificationDetails(QWidget *parent = nullptr);

    /// Shows the row @p index (of a view's model), or the hint when invalid.
    void show(const QModelIndex &index);
    [[nodiscard]] QPersistentModelIndex current() const { return m_current; }

signals:
    void markReadRequested(const QStringList &ids);
    void markUnreadRequested(const QStringList &ids);
    void copyRequested();

private:
    void updateReadButton();

    QPersistentModelIndex m_current;
    QLabel *m_title;
    QLabel *m_meta;
    QTextBrowser *m_body;
    QPushButton *m_link;
    QPushButton *m_read;
    QPushButton *m_copy;
};
