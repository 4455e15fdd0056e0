// SPDX-License-Identifier: MIT
#include "notificationdetails.h"

#include "core/displaytext.h"
#include "core/levelicons.h"
#include "core/notificationmodel.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace Notify::Tray {

using Notify::Protocol::Level;

NotificationDetails::NotificationDetails(QWidget *parent)
    : QStackedWidget(parent)
    , m_title(new QLabel)
    , m_gone(new QLabel(tr("No longer in the list.")))
    , m_meta(new QLabel)
    , m_handled(new QLabel)
    , m_body(new QTextBrowser)
    , m_link(new QPushButton(tr("Open &link")))
    , m_read(new QPushButton(tr("Mark &read")))
    , m_copy(new QPushButton(tr("&Copy")))
    , m_claim(new QPushButton(tr("Cla&im")))
{
    setAccessibleName(tr("Notification details"));
    auto *hint = new QLabel(tr("Select a notification to read it here.\nIt counts as read after a moment."));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    addWidget(hint);

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_title->setAccessibleName(tr("Title"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true); // a long date never pushes the list narrower
    m_meta->setAccessibleName(tr("Level, category and time"));
    m_body->setOpenExternalLinks(true);
    m_body->setAccessibleName(tr("Message"));
    m_body->setFrameShape(QFrame::NoFrame);
    m_link->setAccessibleDescription(tr("Opens the notification's link in the web browser"));
    m_read->setAccessibleDescription(tr("Marks the notification read, or unread again"));
    m_copy->setAccessibleDescription(tr("Copies title and message to the clipboard"));
    m_claim->setObjectName(QStringLiteral("claim"));
    m_claim->setAccessibleDescription(tr("Takes the notification on, so that colleagues see you handle it"));
    m_handled->setObjectName(QStringLiteral("handledBy"));
    m_handled->setAccessibleName(tr("Who handles it"));
    m_handled->setWordWrap(true);
    m_handled->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_claim);
    buttons->addWidget(m_link);
    buttons->addWidget(m_read);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    m_gone->setWordWrap(true);
    m_gone->setEnabled(false);
    m_gone->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_gone);
    layout->addWidget(m_meta);
    layout->addWidget(m_handled);
    layout->addWidget(m_body, 1);
    layout->addLayout(buttons);
    addWidget(page);

    m_link->setObjectName(QStringLiteral("openLink"));
    connect(m_link, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl(m_linkUrl)); });
    connect(m_read, &QPushButton::clicked, this, [this] {
        if (shownRead())
            emit markUnreadRequested(m_ids);
        else
            emit markReadRequested(m_ids);
    });
    connect(m_copy, &QPushButton::clicked, this, &NotificationDetails::copyRequested);
    connect(m_claim, &QPushButton::clicked, this, [this] {
        if (!m_current.isValid())
            return;
        const QString id = m_current.data(NotificationModel::IdRole).toString();
        if (m_current.data(NotificationModel::ClaimedByRole).toString() == m_me && !m_me.isEmpty())
            emit releaseRequested(id);
        else
            emit claimRequested(id);
    });
}

void NotificationDetails::show(const QModelIndex &index)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = index.model();
    m_current = index;
    m_gone->hide();
    if (!index.isValid()) {
        m_ids.clear();
        setCurrentIndex(0);
        return;
    }
    const QAbstractItemModel *model = index.model();
    connect(model, &QAbstractItemModel::dataChanged, this, &NotificationDetails::follow);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &NotificationDetails::follow);
    connect(model, &QAbstractItemModel::modelReset, this, &NotificationDetails::follow);
    connect(model, &QAbstractItemModel::layoutChanged, this, &NotificationDetails::follow);
    m_ids = index.data(NotificationModel::MemberIdsRole).toStringList();
    const int count = index.data(NotificationModel::CountRole).toInt();
    const QString title = index.data(NotificationModel::TitleRole).toString();
    m_title->setText(count > 1 ? tr("%1 (%n times)", nullptr, count).arg(title) : title);
    const auto level = Level(index.data(NotificationModel::LevelRole).toInt());
    QStringList meta{ DisplayText::levelName(level) };
    const QString category = index.data(NotificationModel::CategoryRole).toString();
    if (!category.isEmpty())
        meta << category;
    meta << QLocale().toString(index.data(NotificationModel::CreatedRole).toDateTime().toLocalTime(),
                               QLocale::LongFormat);
    m_meta->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                        .arg(LevelIcons::color(level).name(), meta.join(QStringLiteral(" · ")).toHtmlEscaped()));
    const QString body = index.data(NotificationModel::BodyRole).toString();
    m_body->setPlainText(body.isEmpty() ? tr("(no message)") : body);
    m_linkUrl = index.data(NotificationModel::LinkRole).toString();
    m_link->setVisible(!m_linkUrl.isEmpty());
    m_link->setToolTip(m_linkUrl);
    follow();
    setCurrentIndex(1);
}

void NotificationDetails::follow()
{
    if (m_ids.isEmpty())
        return;
    if (!m_current.isValid()) {
        // Gone from the list: the text stays, and says so.
        m_gone->show();
        return;
    }
    const bool read = m_current.data(NotificationModel::ReadRole).toBool();
    m_shownRead = read;
    m_read->setText(read ? tr("Mark &unread") : tr("Mark &read"));
    m_read->setEnabled(!read || m_unreadOffered);
    m_read->setToolTip(read && !m_unreadOffered ? m_unreadMissing : QString());

    // Who handles it, as the server last said; Claim while nobody does, Release for one's own.
    const QString claimer = m_current.data(NotificationModel::ClaimedByRole).toString();
    const QString claimerName = m_current.data(NotificationModel::ClaimedByNameRole).toString();
    const QDateTime since = m_current.data(NotificationModel::ClaimedAtRole).toDateTime();
    const bool escalated = m_current.data(NotificationModel::EscalatedRole).toBool();
    const bool mine = !claimer.isEmpty() && claimer == m_me;
    m_handled->setVisible(m_claimsOffered || !claimer.isEmpty());
    if (!claimer.isEmpty()) {
        // "14:41" today, else the date too.
        const QDateTime local = since.toLocalTime();
        const QString when = local.date() == QDate::currentDate()
            ? QLocale().toString(local.time(), QLocale::ShortFormat)
            : QLocale().toString(local, QLocale::ShortFormat);
        m_handled->setText(mine ? tr("You handle this (since %1).").arg(when)
                                : tr("Handled by %1 (since %2).").arg(claimerName, when));
    } else {
        m_handled->setText(escalated ? tr("Still unclaimed: nobody took it on in time.")
                                     : tr("Nobody has claimed this yet."));
    }
    m_claim->setVisible(m_claimsOffered && (claimer.isEmpty() || mine));
    m_claim->setText(mine ? tr("R&elease") : tr("Cla&im"));
    m_claim->setAccessibleDescription(mine ? tr("Gives the notification back, so that someone else can take it on")
                                           : tr("Takes the notification on, so that colleagues see you handle it"));
}

void NotificationDetails::setClaimsOffered(bool offered, const QString &me)
{
    if (offered == m_claimsOffered && me == m_me)
        return;
    m_claimsOffered = offered;
    m_me = me;
    follow();
}

void NotificationDetails::setUnreadOffered(bool offered, const QString &why)
{
    if (offered == m_unreadOffered && why == m_unreadMissing)
        return;
    m_unreadOffered = offered;
    m_unreadMissing = why;
    follow();
}

} // namespace Notify::Tray
