// SPDX-License-Identifier: MIT
#include "peoplepage.h"

#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/peoplefiltermodel.h"
#include "core/presencemodel.h"
#include "emptystate.h"
#include "inlinenotice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace Notify::Tray {

using Notify::Protocol::PresenceStatus;

PeoplePage::PeoplePage(DesktopSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new PeopleFilterModel(this))
    , m_mine(new QComboBox)
    , m_view(new QListView)
{
    auto *label = new QLabel(tr("My &status:"));
    label->setBuddy(m_mine);
    for (const auto status : { PresenceStatus::Online, PresenceStatus::Away, PresenceStatus::Busy })
        m_mine->addItem(DisplayText::presenceName(status), Notify::Protocol::toString(status));
    m_mine->setAccessibleName(tr("My status"));
    m_mine->setAccessibleDescription(tr("What colleagues see of you: online, away, busy or offline"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addWidget(m_mine);
    bar->addStretch(1);
    m_filter->setSourceModel(session->presence());
    m_filter->setMe(session->settings().user);
    m_view->setModel(m_filter);
    m_view->setUniformItemSizes(true);
    m_view->setAccessibleName(tr("Colleagues"));
    m_view->setAccessibleDescription(tr("Who is online, away, busy or offline; online first"));
    new EmptyState(m_view, [] { return tr("Nobody else is known yet.\nColleagues appear here with their status."); });
    auto *notice = new InlineNotice;
    notice->setObjectName(QStringLiteral("presenceNotice"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(notice);
    layout->addWidget(m_view, 1);
    connect(m_mine, &QComboBox::activated, this, [this] { m_session->setMyStatus(m_mine->currentData().toString()); });
    const auto showMine = [this] {
        if (const auto me = m_session->presence()->presenceOf(m_session->settings().user)) {
            const int index = m_mine->findData(Notify::Protocol::toString(me->status));
            if (index >= 0)
                m_mine->setCurrentIndex(index);
        }
    };
    connect(session->presence(), &QAbstractItemModel::modelReset, this, [this, showMine] {
        m_filter->setMe(m_session->settings().user);
        showMine();
    });
    // Not changed on the server: the box says what colleagues still see, and why.
    connect(session, &DesktopSession::actionFailed, this,
            [notice, showMine](RestActions::Action action, const QString &message) {
                if (action != RestActions::Action::Presence)
                    return;
                notice->say(message);
                showMine();
            });
}

} // namespace Notify::Tray
