// SPDX-License-Identifier: MIT
#pragma once

#include "core/desktopsession.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace Notify::Tray {

class ConnectionTest;

/// File › Sources: the servers the app follows, in the order it shows them.
/// Add, edit (the settings dialog, with the source's name), remove, move up
/// and down, and test each. When the administrator locked `sources`, it
/// shows them and says so, and changes nothing.
class SourcesDialog final : public QDialog
{
    Q_OBJECT

public:
    SourcesDialog(QList<DesktopSession::Settings> sources, bool locked, QWidget *parent = nullptr);

    [[nodiscard]] QList<DesktopSession::Settings> sources() const { return m_sources; }
    [[nodiscard]] QListWidget *list() const { return m_list; }
    [[nodiscard]] QLabel *testResult() const { return m_result; }
    /// What is wrong with the list (two sources of one name, none at all); empty: nothing.
    [[nodiscard]] QString problem() const;

    /// Opens the settings of @p settings (its name too); true when they were changed. Tests replace it.
    std::function<bool(DesktopSession::Settings &settings, bool adding)> edit;

private:
    void refresh();
    void move(int by);
    void test();
    [[nodiscard]] int current() const;

    QList<DesktopSession::Settings> m_sources;
    bool m_locked;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_test;
    QPushButton *m_save;
    QLabel *m_result;
    QLabel *m_problem;
    ConnectionTest *m_tester;
};

} // namespace Notify::Tray
