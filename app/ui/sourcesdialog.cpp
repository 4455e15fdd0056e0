// SPDX-License-Identifier: MIT
#include "sourcesdialog.h"

#include "core/connectiontest.h"
#include "core/trayconfig.h"
#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Notify::Tray {

SourcesDialog::SourcesDialog(QList<DesktopSession::Settings> sources, bool locked, QWidget *parent)
    : QDialog(parent)
    , m_sources(std::move(sources))
    , m_locked(locked)
    , m_list(new QListWidget)
    , m_add(new QPushButton(tr("&Add…")))
    , m_edit(new QPushButton(tr("&Edit…")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_up(new QPushButton(tr("Move &up")))
    , m_down(new QPushButton(tr("Move &down")))
    , m_test(new QPushButton(tr("&Test")))
    , m_save(nullptr)
    , m_result(new QLabel)
    , m_problem(new QLabel)
    , m_tester(new ConnectionTest(this))
{
    setWindowTitle(tr("Sources"));
    m_list->setAccessibleName(tr("Sources, in the order the app shows them"));
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Connection test result"));
    m_problem->setWordWrap(true);
    m_problem->setEnabled(false);
    edit = [this](DesktopSession::Settings &settings, bool adding) {
        SettingsDialog dialog(settings, SettingsDialog::Mode::Settings, this);
        dialog.showNameField();
        dialog.setWindowTitle(adding ? tr("Add a source") : tr("Source %1").arg(settings.sourceName));
        if (dialog.exec() != QDialog::Accepted)
            return false;
        settings = dialog.settings();
        return true;
    };

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : { m_add, m_edit, m_remove, m_up, m_down, m_test })
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 1);
    columns->addLayout(buttons);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = box->button(QDialogButtonBox::Save);
    m_save->setText(tr("Sa&ve"));
    auto *layout = new QVBoxLayout(this);
    if (m_locked) {
        auto *note = new QLabel(tr("Your administrator set these sources; they cannot be changed here."));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(columns);
    layout->addWidget(m_result);
    layout->addWidget(m_problem);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] {
        DesktopSession::Settings added;
        added.sourceName = tr("Source %1").arg(m_sources.size() + 1);
        added.server = QUrl();
        if (!edit(added, true))
            return;
        m_sources << added;
        refresh();
        m_list->setCurrentRow(int(m_sources.size()) - 1);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const int row = current(); row >= 0 && edit(m_sources[row], false))
            refresh();
    });
    connect(m_list, &QListWidget::itemActivated, m_edit, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const int row = current(); row >= 0) {
            m_sources.removeAt(row);
            refresh();
            m_list->setCurrentRow(std::min(row, int(m_sources.size()) - 1));
        }
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_test, &QPushButton::clicked, this, &SourcesDialog::test);
    connect(m_tester, &ConnectionTest::finished, this, [this](ConnectionTest::Outcome outcome, const QString &text) {
        m_test->setEnabled(true);
        m_result->setText((outcome == ConnectionTest::Outcome::Works ? QStringLiteral("✔ ") : QStringLiteral("✘ "))
                          + text);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_tester->abort();
        m_result->clear();
        refresh();
    });
    refresh();
    m_list->setCurrentRow(0);
}

int SourcesDialog::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_sources.size() ? row : -1;
}

QString SourcesDialog::problem() const
{
    if (m_sources.isEmpty())
        return tr("Notify needs at least one source.");
    QStringList names;
    for (const DesktopSession::Settings &s : m_sources) {
        // Files are named after sources: names that differ only in case or punctuation would share them.
        const QString name = TrayConfigFile::slug(s.sourceName.trimmed());
        if (name.isEmpty())
            return tr("Every source needs a name.");
        if (names.contains(name))
            return tr("Two sources are named \"%1\"; each needs a name of its own.").arg(s.sourceName);
        names << name;
    }
    return {};
}

void SourcesDialog::refresh()
{
    const int row = m_list->currentRow();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const DesktopSession::Settings &s : std::as_const(m_sources))
        m_list->addItem(QStringLiteral("%1 — %2").arg(s.sourceName, s.server.toString(QUrl::RemoveUserInfo)));
    m_list->setCurrentRow(std::min(row, int(m_sources.size()) - 1));
    const int at = current();
    m_add->setEnabled(!m_locked && m_sources.size() < 20);
    m_edit->setEnabled(at >= 0);
    m_edit->setText(m_locked ? tr("&Sign in…") : tr("&Edit…"));
    m_remove->setEnabled(!m_locked && at >= 0);
    m_up->setEnabled(!m_locked && at > 0);
    m_down->setEnabled(!m_locked && at >= 0 && at < m_sources.size() - 1);
    m_test->setEnabled(at >= 0 && !m_tester->isRunning());
    const QString wrong = problem();
    m_problem->setText(wrong);
    m_problem->setVisible(!wrong.isEmpty());
    m_save->setEnabled(wrong.isEmpty());
}

void SourcesDialog::move(int by)
{
    const int row = current();
    if (row < 0 || row + by < 0 || row + by >= m_sources.size())
        return;
    m_sources.swapItemsAt(row, row + by);
    refresh();
    m_list->setCurrentRow(row + by);
}

void SourcesDialog::test()
{
    const int row = current();
    if (row < 0)
        return;
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(m_sources.at(row).sourceName));
    m_tester->start(m_sources.at(row));
}

} // namespace Notify::Tray
