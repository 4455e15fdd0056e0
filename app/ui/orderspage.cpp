// SPDX-License-Identifier: MIT
#include "orderspage.h"

#include "columnwidths.h"
#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/levelicons.h"
#include "core/ordermodel.h"
#include "emptystate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Notify::Tray {

using Notify::Protocol::OrderStatus;

namespace {

// Open or finished orders, matching the search (order id or note).
class OrderFilter final : public QSortFilterProxyModel
{
public:
    OrderFilter(bool done, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_done(done)
    {
        setDynamicSortFilter(true);
        setSortRole(OrderModel::UpdatedRole);
        sort(OrderModel::UpdatedColumn, Qt::DescendingOrder);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, parent);
        if (index.data(OrderModel::DoneRole).toBool() != m_done)
            return false;
        return m_search.isEmpty()
            || index.data(OrderModel::OrderIdRole).toString().contains(m_search, Qt::CaseInsensitive)
            || index.data(OrderModel::NoteRole).toString().contains(m_search, Qt::CaseInsensitive);
    }

public:
    /// Plain text, as typed ("A-12" is not a pattern).
    void setSearch(const QString &text)
    {
        m_search = text;
        invalidateFilter();
    }

private:
    bool m_done;
    QString m_search;
};

} // namespace

OrdersPage::OrdersPage(DesktopSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_search(new QLineEdit)
    , m_activeProxy(new OrderFilter(false, this))
    , m_doneProxy(new OrderFilter(true, this))
    , m_active(nullptr)
    , m_done(nullptr)
    , m_doneToggle(new QToolButton)
    , m_timeline(new QListWidget)
{
    m_search->setPlaceholderText(tr("Search orders by number or note (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search orders"));
    m_activeProxy->setSourceModel(session->orders());
    m_doneProxy->setSourceModel(session->orders());
    m_active = makeView(m_activeProxy, tr("Open orders"));
    m_done = makeView(m_doneProxy, tr("Finished orders"));
    new EmptyState(m_active, [this] {
        return m_search->text().isEmpty() ? tr("No open orders.\nNew orders and their status changes appear here.")
                                          : tr("No open order matches \"%1\".").arg(m_search->text());
    });
    m_doneToggle->setCheckable(true);
    m_doneToggle->setChecked(false);
    m_doneToggle->setArrowType(Qt::RightArrow);
    m_doneToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_doneToggle->setAutoRaise(true);
    m_doneToggle->setAccessibleDescription(tr("Shows or hides delivered, cancelled and refunded orders"));
    m_done->hide();
    m_timeline->setAccessibleName(tr("Status timeline"));
    m_timeline->setAccessibleDescription(tr("Every status the selected order went through, oldest first"));
    new EmptyState(m_timeline, [] { return tr("Select an order to see its status timeline."); });

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_active, 3);
    leftLayout->addWidget(m_doneToggle, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_done, 2);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<OrderFilter *>(m_activeProxy)->setSearch(text.trimmed());
        static_cast<OrderFilter *>(m_doneProxy)->setSearch(text.trimmed());
        updateDoneHeader();
    });
    connect(m_doneToggle, &QToolButton::toggled, this, [this](bool open) {
        m_done->setVisible(open);
        m_doneToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    for (QTableView *view : { m_active, m_done }) {
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) { showTimeline(current); });
    }
    for (QSortFilterProxyModel *proxy : { m_activeProxy, m_doneProxy }) {
        for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
            connect(proxy, signal, this, &OrdersPage::updateDoneHeader);
        connect(proxy, &QAbstractItemModel::modelReset, this, &OrdersPage::updateDoneHeader);
    }
    connect(session->orders(), &OrderModel::historyChanged, this, [this](const QStringList &orderIds) {
        const QString shown = m_timeline->property("order").toString();
        if (shown.isEmpty() || !orderIds.contains(shown))
            return;
        for (QTableView *view : { m_active, m_done }) {
            if (view->currentIndex().data(OrderModel::OrderIdRole).toString() == shown)
                showTimeline(view->currentIndex());
        }
    });
    updateDoneHeader();
}

QTableView *OrdersPage::makeView(QSortFilterProxyModel *proxy, const QString &name)
{
    auto *view = new QTableView;
    view->setModel(proxy);
    view->setAccessibleName(name);
    view->setAccessibleDescription(tr("Order number, status and when it last changed; select one for its timeline"));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(OrderModel::NoteColumn, QHeaderView::Stretch);
    // Wide enough for the longest status name, whichever is in view.
    const QFontMetrics bold([&] {
        QFont f = view->font();
        f.setBold(true);
        return f;
    }());
    int widest = 0;
    for (const auto state : { Notify::Protocol::OrderState::Pending, Notify::Protocol::OrderState::Confirmed,
                              Notify::Protocol::OrderState::Processing, Notify::Protocol::OrderState::Shipped,
                              Notify::Protocol::OrderState::Delivered, Notify::Protocol::OrderState::Cancelled,
                              Notify::Protocol::OrderState::Refunded }) {
        OrderStatus o;
        o.status = state;
        widest = std::max(widest, bold.horizontalAdvance(DisplayText::orderStatusName(o)));
    }
    header->setSectionResizeMode(OrderModel::StatusColumn, QHeaderView::Interactive);
    header->resizeSection(OrderModel::StatusColumn, widest + 40);
    const QFontMetrics metrics(view->font());
    header->setSectionResizeMode(OrderModel::OrderColumn, QHeaderView::Interactive);
    header->resizeSection(OrderModel::OrderColumn, ColumnWidths::characters(metrics, 12));
    header->setSectionResizeMode(OrderModel::UpdatedColumn, QHeaderView::Interactive);
    header->resizeSection(OrderModel::UpdatedColumn, ColumnWidths::eventTime(metrics));
    return view;
}

void OrdersPage::showTimeline(const QModelIndex &index)
{
    m_timeline->clear();
    if (!index.isValid()) {
        m_timeline->setProperty("order", QString());
        return;
    }
    const QString orderId = index.data(OrderModel::OrderIdRole).toString();
    m_timeline->setProperty("order", orderId);
    const QList<OrderStatus> history = m_session->orders()->history(orderId);
    auto *title = new QListWidgetItem(tr("Order %1").arg(orderId));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_timeline->addItem(title);
    for (auto it = history.cbegin(); it != history.cend(); ++it) { // as it happened
        auto *item = new QListWidgetItem(LevelIcons::dot(LevelIcons::color(it->status)),
                                         QStringLiteral("%1   %2%3")
                                             .arg(QLocale().toString(it->updatedAt.toLocalTime(), QLocale::ShortFormat),
                                                  DisplayText::orderStatusName(*it),
                                                  it->note.isEmpty() ? QString() : QStringLiteral(" — ") + it->note));
        m_timeline->addItem(item);
    }
}

void OrdersPage::updateDoneHeader()
{
    m_doneToggle->setText(tr("&Done (%1)").arg(m_doneProxy->rowCount()));
}

void OrdersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace Notify::Tray
