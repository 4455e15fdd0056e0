// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QListView;

namespace Notify::Tray {

class DesktopSession;
class PeopleFilterModel;

/// The People tab: one's own status to choose, and the colleagues (not
/// oneself), online first.
class PeoplePage final : public QWidget
{
    Q_OBJECT

public:
    explicit PeoplePage(DesktopSession *session, QWidget *parent = nullptr);
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] PeopleFilterModel *filter() const { return m_filter; }

private:
    DesktopSession *m_session;
    PeopleFilterModel *m_filter;
    QComboBox *m_mine;
    QListView *m_view;
};

} // namespace Notify::Tray
