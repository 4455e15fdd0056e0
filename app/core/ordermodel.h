// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Notify::Tray {

/// Every order the user may see, one row each with its current status
/// (coloured), last update and note; the transitions seen are kept as its
/// history.
class OrderModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { OrderColumn, StatusColumn, UpdatedColumn, NoteColumn, ColumnCount };
    enum Role { OrderIdRole = Qt::UserRole + 1, StatusRole, UpdatedRole, DoneRole, NoteRole };

    explicit OrderModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A status change: updates the order's row and appends to its history.
    void apply(const Notify::Protocol::OrderStatus &status) { apply(QList{ status }); }
    /// Status changes that came together: new orders are inserted as one range.
    void apply(const QList<Notify::Protocol::OrderStatus> &statuses);
    /// Delivered, cancelled or refunded: nothing more will happen to it.
    [[nodiscard]] static bool isDone(const Notify::Protocol::OrderStatus &order);
    /// A snapshot: the current status of each order (history kept where known).
    void reset(const QList<Notify::Protocol::OrderStatus> &orders);

    [[nodiscard]] QList<Notify::Protocol::OrderStatus> history(const QString &orderId) const;
    [[nodiscard]] const QList<Notify::Protocol::OrderStatus> &orders() const { return m_orders; }

signals:
    /// The timeline of these orders changed (a late change does not change their row).
    void historyChanged(const QStringList &orderIds);

private:
    QList<Notify::Protocol::OrderStatus> m_orders;
    QHash<QString, qsizetype> m_rowOf;
    QHash<QString, QList<Notify::Protocol::OrderStatus>> m_history;
};

} // namespace Notify::Tray
