// SPDX-License-Identifier: MIT
#include "rulesdialog.h"

#include "core/desk.h"
#include "core/displaytext.h"
#include "core/notificationmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Notify::Tray {

namespace {

enum Column { SourceColumn, TypeColumn, LevelColumn, CategoryColumn, TextColumn, ActionColumn, ColumnCount };

const char *const Types[] = { "notification", "order_status", "message", "presence" };
const char *const Levels[] = { "info", "success", "warning", "error" };

QComboBox *choice(const QStringList &labels, const QStringList &values, const QString &current)
{
    auto *box = new QComboBox;
    for (qsizetype i = 0; i < labels.size(); ++i)
        box->addItem(labels.at(i), values.at(i));
    box->setCurrentIndex(std::max(0, box->findData(current, Qt::UserRole, Qt::MatchFixedString)));
    return box;
}

} // namespace

RulesDialog::RulesDialog(const Desk *desk, const QList<Rule> &rules, const std::optional<QuietHours> &quiet,
                         bool rulesLocked, bool quietLocked, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_preview(new QLabel)
    , m_quiet(new QGroupBox(tr("&Quiet hours")))
    , m_from(new QTimeEdit)
    , m_to(new QTimeEdit)
    , m_breakThrough(new QComboBox)
{
    setWindowTitle(tr("Rules and quiet hours"));
    m_table->setHorizontalHeaderLabels(
        { tr("Source"), tr("Type"), tr("Level"), tr("Category"), tr("Text contains"), tr("Action") });
    m_table->setAccessibleName(tr("Rules: the first that matches an event decides"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->setWordWrap(true);
    m_preview->setAccessibleName(tr("What the rule would have matched"));
    m_preview->setTextFormat(Qt::PlainText);
    for (const Rule &rule : rules)
        addRule(rule);

    auto *add = new QPushButton(tr("&Add"));
    auto *remove = new QPushButton(tr("&Remove"));
    auto *up = new QPushButton(tr("Move &up"));
    auto *down = new QPushButton(tr("Move &down"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : { add, remove, up, down }) {
        buttons->addWidget(button);
        button->setEnabled(!rulesLocked);
    }
    buttons->addStretch(1);
    connect(add, &QPushButton::clicked, this, [this] {
        m_table->setCurrentCell(addRule(Rule{ {}, {}, {}, {}, {}, RuleAction::Silent }), 0);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        updatePreview();
    });
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &RulesDialog::updatePreview);
    m_table->setEnabled(!rulesLocked);

    // Quiet hours: the days a spell starts on, from, to, and what breaks through.
    static const char *const dayNames[] = { QT_TR_NOOP("Mon"), QT_TR_NOOP("Tue"), QT_TR_NOOP("Wed"), QT_TR_NOOP("Thu"),
                                            QT_TR_NOOP("Fri"), QT_TR_NOOP("Sat"), QT_TR_NOOP("Sun") };
    auto *days = new QHBoxLayout;
    for (int d = 0; d < 7; ++d) {
        auto *box = new QCheckBox(tr(dayNames[d]));
        box->setChecked(quiet ? (quiet->days & (1 << d)) != 0 : d < 5);
        m_days << box;
        days->addWidget(box);
    }
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_from->setTime(quiet ? quiet->from : QTime(19, 0));
    m_to->setTime(quiet ? quiet->to : QTime(7, 0));
    m_from->setAccessibleName(tr("Quiet from"));
    m_to->setAccessibleName(tr("Quiet until"));
    m_breakThrough->addItem(tr("nothing"), QString());
    for (const char *level : Levels)
        m_breakThrough->addItem(DisplayText::levelName(*Notify::Protocol::levelFromString(QString::fromLatin1(level))),
                                QString::fromLatin1(level));
    m_breakThrough->setCurrentIndex(
        quiet && quiet->breakThrough ? m_breakThrough->findData(Notify::Protocol::toString(*quiet->breakThrough)) : 0);
    m_breakThrough->setAccessibleName(tr("Still alert from this level"));
    m_quiet->setCheckable(true);
    m_quiet->setChecked(quiet.has_value());
    m_quiet->setEnabled(!quietLocked);
    auto *quietForm = new QVBoxLayout(m_quiet);
    quietForm->addLayout(days);
    auto *times = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&From"));
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To"));
    toLabel->setBuddy(m_to);
    auto *breakLabel = new QLabel(tr("Still alert at &level"));
    breakLabel->setBuddy(m_breakThrough);
    for (QWidget *w : std::initializer_list<QWidget *>{ fromLabel, m_from, toLabel, m_to, breakLabel, m_breakThrough })
        times->addWidget(w);
    times->addStretch(1);
    quietForm->addLayout(times);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    box->button(QDialogButtonBox::Save)->setText(tr("Sa&ve"));
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each event goes down the rules; the first that matches decides. <i>Silent</i>: "
                                "listed, no alert. <i>Hide</i>: not listed. No rule matches: it alerts."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (rulesLocked || quietLocked) {
        auto *note = new QLabel(rulesLocked && quietLocked ? tr("Your administrator set the rules and the quiet hours.")
                                    : rulesLocked          ? tr("Your administrator set the rules.")
                                                           : tr("Your administrator set the quiet hours."));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_preview);
    layout->addWidget(m_quiet);
    layout->addWidget(box);
    resize(820, 520);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    updatePreview();
}

int RulesDialog::addRule(const Rule &rule)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    QStringList sourceLabels{ tr("any") };
    QStringList sourceValues{ QString() };
    if (m_desk) {
        for (const DesktopSession *session : m_desk->sessions()) {
            sourceLabels << Desk::nameOf(session);
            sourceValues << Desk::nameOf(session);
        }
    }
    if (!rule.source.isEmpty() && !sourceValues.contains(rule.source, Qt::CaseInsensitive)) {
        sourceLabels << rule.source;
        sourceValues << rule.source;
    }
    QStringList typeLabels{ tr("any") };
    QStringList typeValues{ QString() };
    for (const char *type : Types) {
        typeLabels << QString::fromLatin1(type);
        typeValues << QString::fromLatin1(type);
    }
    QStringList levelLabels{ tr("any") };
    QStringList levelValues{ QString() };
    for (const char *level : Levels) {
        levelLabels << DisplayText::levelName(*Notify::Protocol::levelFromString(QString::fromLatin1(level)));
        levelValues << QString::fromLatin1(level);
    }
    const QString action = rule.action == RuleAction::Hide ? QStringLiteral("hide")
        : rule.action == RuleAction::Silent                ? QStringLiteral("silent")
                                                           : QStringLiteral("alert");
    const auto changed = [this] { updatePreview(); };
    const QList<QPair<int, QComboBox *>> boxes{
        { SourceColumn, choice(sourceLabels, sourceValues, rule.source) },
        { TypeColumn, choice(typeLabels, typeValues, rule.type) },
        { LevelColumn, choice(levelLabels, levelValues, rule.level) },
        { ActionColumn,
          choice({ tr("Alert"), tr("Silent"), tr("Hide") },
                 { QStringLiteral("alert"), QStringLiteral("silent"), QStringLiteral("hide") }, action) },
    };
    for (const auto &[column, box] : boxes) {
        box->setAccessibleName(m_table->horizontalHeaderItem(column)->text());
        connect(box, &QComboBox::currentIndexChanged, this, changed);
        m_table->setCellWidget(row, column, box);
    }
    for (const auto &[column, text] :
         { std::pair{ int(CategoryColumn), rule.category }, std::pair{ int(TextColumn), rule.text } }) {
        auto *edit = new QLineEdit(text);
        edit->setAccessibleName(m_table->horizontalHeaderItem(column)->text());
        connect(edit, &QLineEdit::textChanged, this, changed);
        m_table->setCellWidget(row, column, edit);
    }
    return row;
}

Rule RulesDialog::ruleAt(int row) const
{
    const auto value = [this, row](int column) {
        return static_cast<QComboBox *>(m_table->cellWidget(row, column))->currentData().toString();
    };
    const auto text = [this, row](int column) {
        return static_cast<QLineEdit *>(m_table->cellWidget(row, column))->text().trimmed();
    };
    const QString action = value(ActionColumn);
    return Rule{ value(SourceColumn),
                 value(TypeColumn),
                 value(LevelColumn),
                 text(CategoryColumn),
                 text(TextColumn),
                 action == u"hide" ? RuleAction::Hide : action == u"silent" ? RuleAction::Silent : RuleAction::Alert };
}

QList<Rule> RulesDialog::rules() const
{
    QList<Rule> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out << ruleAt(row);
    return out;
}

std::optional<QuietHours> RulesDialog::quietHours() const
{
    if (!m_quiet->isChecked())
        return std::nullopt;
    QuietHours quiet;
    quiet.days = 0;
    for (int d = 0; d < 7; ++d) {
        if (m_days.at(d)->isChecked())
            quiet.days |= quint8(1 << d);
    }
    if (quiet.days == 0 || m_from->time() == m_to->time())
        return std::nullopt; // no day, or no time: no quiet hours
    quiet.from = m_from->time();
    quiet.to = m_to->time();
    const QString level = m_breakThrough->currentData().toString();
    if (!level.isEmpty())
        quiet.breakThrough = Notify::Protocol::levelFromString(level);
    return quiet;
}

QString RulesDialog::previewOf(int row) const
{
    if (row < 0 || row >= m_table->rowCount() || !m_desk)
        return {};
    // The last day's notifications of every source, through the rules above this one and then this one:
    // what this rule would have decided.
    const QList<Rule> all = rules();
    const QList<Rule> above = all.mid(0, row);
    const Rule &rule = all.at(row);
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-1);
    int seen = 0;
    int matched = 0;
    QStringList titles;
    for (const DesktopSession *session : m_desk->sessions()) {
        const NotificationModel *model = session->notifications();
        for (const NotificationItem &item : model->items()) {
            if (item.createdAt < since)
                continue;
            ++seen;
            const RuleSubject subject{ Desk::nameOf(session), QStringLiteral("notification"),
                                       Notify::Protocol::toString(item.level), item.category,
                                       item.title + u'\n' + item.body };
            const bool decidedAbove
                = std::any_of(above.cbegin(), above.cend(), [&](const Rule &r) { return r.matches(subject); });
            if (decidedAbove || !rule.matches(subject))
                continue;
            ++matched;
            if (titles.size() < 3)
                titles << Desk::nameOf(session) + QStringLiteral(": ") + item.title;
        }
    }
    QString text
        //: %1: how many this rule would have decided; %n: how many notifications came in the last day
        = tr("In the last day this rule would have decided %1 of %n notification(s)", nullptr, seen).arg(matched);
    if (!titles.isEmpty())
        text += QStringLiteral(": ") + titles.join(QStringLiteral("; "))
            + (matched > 3 ? QStringLiteral("; …") : QString());
    return text + u'.';
}

void RulesDialog::updatePreview()
{
    m_preview->setText(previewOf(m_table->currentRow()));
}

void RulesDialog::move(int by)
{
    const int row = m_table->currentRow();
    if (row < 0 || row + by < 0 || row + by >= m_table->rowCount())
        return;
    QList<Rule> all = rules();
    all.swapItemsAt(row, row + by);
    while (m_table->rowCount() > 0)
        m_table->removeRow(0);
    for (const Rule &rule : std::as_const(all))
        addRule(rule);
    m_table->setCurrentCell(row + by, 0);
}

} // namespace Notify::Tray
