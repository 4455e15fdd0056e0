// SPDX-License-Identifier: MIT
#pragma once

#include "core/trayconfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTableWidget;
class QTimeEdit;

namespace Notify::Tray {

class Desk;

/// Alerts › Rules and quiet hours: the rules in order (the first that
/// matches decides), each with a preview of what it would have matched in
/// the last day's notifications, and the weekly quiet hours. What the
/// administrator locked is shown and said, not changed.
class RulesDialog final : public QDialog
{
    Q_OBJECT

public:
    RulesDialog(const Desk *desk, const QList<Rule> &rules, const std::optional<QuietHours> &quiet, bool rulesLocked,
                bool quietLocked, QWidget *parent = nullptr);

    [[nodiscard]] QList<Rule> rules() const;
    [[nodiscard]] std::optional<QuietHours> quietHours() const;
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QLabel *preview() const { return m_preview; }
    /// Adds a rule row (the Add button); returns its row.
    int addRule(const Rule &rule);
    /// What the rule at @p row would have matched in the last day, in words.
    [[nodiscard]] QString previewOf(int row) const;

private:
    void updatePreview();
    void move(int by);
    [[nodiscard]] Rule ruleAt(int row) const;

    const Desk *m_desk;
    QTableWidget *m_table;
    QLabel *m_preview;
    QGroupBox *m_quiet;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    QComboBox *m_breakThrough;
};

} // namespace Notify::Tray
