// SPDX-License-Identifier: MIT
#include "notificationfilterbar.h"

#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace Notify::Tray {

using Notify::Protocol::Level;

NotificationFilterBar::NotificationFilterBar(DesktopSession *session, NotificationFilterModel *filter,
                                             QAction *unreadOnly, QAction *waitingOnly, QAction *markShownRead,
                                             QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(filter)
    , m_unreadOnly(unreadOnly)
    , m_waitingOnly(waitingOnly)
    , m_search(new QLineEdit)
    , m_level(new QComboBox)
    , m_category(new QComboBox)
    , m_unreadBox(new QCheckBox(tr("U&nread only")))
    , m_waitingBox(new QCheckBox(tr("&Waiting for someone")))
    , m_markShownButton(new QPushButton)
    , m_searchTimer(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search notifications (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search notifications"));
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_level->setAccessibleName(tr("Level filter"));
    m_level->setAccessibleDescription(tr("Shows only the notifications of one level"));
    m_level->addItem(tr("All levels"), -1);
    for (const Level level : { Level::Error, Level::Warning, Level::Success, Level::Info })
        m_level->addItem(DisplayText::levelName(level), int(level));
    m_category->setAccessibleName(tr("Category filter"));
    m_category->setAccessibleDescription(tr("Shows only the notifications of one category"));
    m_category->addItem(tr("All categories"), QString());
    m_unreadBox->setAccessibleDescription(tr("Shows only the notifications not read yet"));
    m_waitingBox->setObjectName(QStringLiteral("waitingFilter"));
    m_waitingBox->setAccessibleDescription(tr("Shows only the notifications nobody has claimed"));
    m_waitingBox->setToolTip(m_waitingOnly->toolTip());
    m_waitingBox->setVisible(m_waitingOnly->isVisible());
    m_markShownButton->setAccessibleDescription(tr("Marks the notifications shown by the filters as read"));
    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_level);
    bar->addWidget(m_category);
    bar->addWidget(m_unreadBox);
    bar->addWidget(m_waitingBox);
    bar->addWidget(m_markShownButton);
    m_search->installEventFilter(this);
    setTabOrder(m_search, m_level);
    setTabOrder(m_level, m_category);
    setTabOrder(m_category, m_unreadBox);
    setTabOrder(m_unreadBox, m_waitingBox);
    setTabOrder(m_waitingBox, m_markShownButton);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_filter->setSearchText(m_search->text());
        emit filtersChanged();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Cleared: at once; typed: when the user pauses (not a pass over the list per key).
        if (text.isEmpty()) {
            m_searchTimer->stop();
            m_filter->setSearchText(text);
            emit filtersChanged();
        } else {
            m_searchTimer->start();
        }
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setLevel(m_level->currentData().toInt());
        emit filtersChanged();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setCategory(m_category->currentData().toString());
        emit filtersChanged();
    });
    connect(m_unreadBox, &QCheckBox::toggled, m_unreadOnly, &QAction::setChecked);
    connect(m_unreadOnly, &QAction::toggled, this, [this](bool on) {
        m_unreadBox->setChecked(on);
        m_filter->setUnreadOnly(on);
        emit filtersChanged();
    });
    connect(m_waitingBox, &QCheckBox::toggled, m_waitingOnly, &QAction::setChecked);
    connect(m_waitingOnly, &QAction::toggled, this, [this](bool on) {
        m_waitingBox->setChecked(on);
        m_filter->setWaitingOnly(on);
        emit filtersChanged();
    });
    // Shown where the server takes claims (the page hides the action elsewhere).
    connect(m_waitingOnly, &QAction::changed, m_waitingBox,
            [this] { m_waitingBox->setVisible(m_waitingOnly->isVisible()); });
    connect(m_filter, &NotificationFilterModel::filtersCleared, this, [this] {
        const QSignalBlocker a(m_search), b(m_level), c(m_category), d(m_unreadBox), e(m_unreadOnly), f(m_waitingBox),
            g(m_waitingOnly);
        m_search->clear();
        m_level->setCurrentIndex(0);
        m_category->setCurrentIndex(0);
        m_unreadBox->setChecked(false);
        m_unreadOnly->setChecked(false);
        m_waitingBox->setChecked(false);
        m_waitingOnly->setChecked(false);
    });
    connect(m_markShownButton, &QPushButton::clicked, markShownRead, &QAction::trigger);
    // The button says what the action says ("Mark 3 shown as read"), and is there when it is.
    connect(markShownRead, &QAction::changed, m_markShownButton, [this, markShownRead] {
        m_markShownButton->setText(markShownRead->text());
        m_markShownButton->setEnabled(markShownRead->isEnabled());
    });
    // Categories: new rows are looked at, not the whole list after every batch.
    connect(m_session->notifications(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                NotificationModel *model = m_session->notifications();
                for (int row = first; row <= last; ++row) {
                    const QString category = model->index(row, 0).data(NotificationModel::CategoryRole).toString();
                    if (!category.isEmpty() && m_category->findData(category) < 0) {
                        refreshCategories();
                        return;
                    }
                }
            });
    connect(m_session->notifications(), &QAbstractItemModel::modelReset, this,
            &NotificationFilterBar::refreshCategories);
    connect(m_session, &DesktopSession::resynced, this, &NotificationFilterBar::refreshCategories);
}

void NotificationFilterBar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

QWidget *NotificationFilterBar::lastInTabOrder() const
{
    return m_markShownButton;
}

bool NotificationFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search)
        return QWidget::eventFilter(watched, event);
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool ctrlU = key->key() == Qt::Key_U && key->modifiers() == Qt::ControlModifier;
    if (ctrlU) {
        // Ctrl+U means "unread only" everywhere in the window, not "delete to the start of the line".
        if (event->type() == QEvent::KeyPress)
            m_unreadOnly->toggle();
        event->accept();
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return false; // the other overrides are the line edit's
    if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
        emit listRequested();
        return true;
    }
    if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    return false;
}

void NotificationFilterBar::refreshCategories()
{
    const QString chosen = m_category->currentData().toString();
    const QStringList categories = m_session->notifications()->categories();
    QStringList shown;
    for (int i = 1; i < m_category->count(); ++i)
        shown << m_category->itemData(i).toString();
    if (shown == categories)
        return;
    emit categoriesChanged(categories);
    const QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (const QString &category : categories)
        m_category->addItem(category, category);
    m_category->setCurrentIndex(std::max(0, m_category->findData(chosen)));
}

} // namespace Notify::Tray
