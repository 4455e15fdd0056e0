// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class QTimer;

namespace Notify::Tray {

class Desk;
class DesktopSession;
class NotificationModel;

/// Every source's notifications in one list, newest first, with a Source
/// column: the window's "All sources". Each source's NotificationModel stays
/// the truth (its counts, its server's answers); this model only points at
/// their rows. New rows at the top of a source (what streams bring) and
/// rows leaving at the bottom (past a source's capacity) are followed at
/// once, row by row, at their times' places (the view keeps its place and
/// selection); any other change (a snapshot, a regrouping) rebuilds the list
/// at most every FollowIntervalMs.
class AllSourcesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SourceColumn, TitleColumn, LevelColumn, CategoryColumn, TimeColumn, ColumnCount };
    enum Role {
        SourceNameRole = Qt::UserRole + 100, ///< the source's name
        SourceIndexRole, ///< the source's place in the desk
    };
    static constexpr int FollowIntervalMs = 250;

    explicit AllSourcesModel(Desk *desk, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    /// Every NotificationModel role (IdRole, ReadRole, MemberIdsRole …) of the source's row, and the source's.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The session a row belongs to.
    [[nodiscard]] DesktopSession *sessionAt(int row) const;
    /// Takes in what changed in the sources now (tests; the timer does it otherwise).
    void follow();

private:
    struct Ref
    {
        int source;
        int row;
        QString id; ///< the row's notification: what stays the same when rows above it come
        qint64 created = 0; ///< its time (ms since the epoch), what the list is sorted by
    };
    void watch();
    /// A rebuild at most FollowIntervalMs from now.
    void later();
    [[nodiscard]] int sourceOf(const NotificationModel *model) const;
    /// New rows at the top of a source (what a stream brings) go in at once, where their times put
    /// them; anything else is followed by a rebuild a moment later.
    void followInserted(const NotificationModel *model, int first, int last);
    /// Rows leaving a source (the oldest, past its capacity) leave here too.
    void followRemoved(const NotificationModel *model, int first, int last);
    /// Rows moving within a source (a group that took a new member goes up) keep pointing at their
    /// notifications until the rebuild puts them where their new times go (one layout change for
    /// all the moves of a moment: a view relays out its rows at every move).
    void followMoved(const NotificationModel *model, int start, int end, int destination);
    /// A row's looks (read, claimed) change in place: the rows stay where they are. A row whose
    /// time changed (a group that took a newer member) goes where its new time puts it at the rebuild.
    void followChanged(const NotificationModel *model, int first, int last);
    void rebuild();
    [[nodiscard]] QModelIndex sourceIndex(const QModelIndex &index) const;
    /// The NotificationModel column a column of this list shows.
    [[nodiscard]] static int notificationColumn(int column);

    Desk *m_desk;
    QList<Ref> m_refs;
    /// A source reset or re-laid out since the last rebuild: the rows' places in their sources are not known.
    bool m_untracked = false;
    QTimer *m_follow;
};

} // namespace Notify::Tray
