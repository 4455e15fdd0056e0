// SPDX-License-Identifier: MIT
#pragma once

#include "trayicon.h"

namespace Notify::Tray {

class StatusNotifierItem;

/// TrayIcon as our StatusNotifierItem while a panel hosts it, and as a
/// QtTrayIcon whenever none does (at start, or when the panel goes away):
/// Qt's QSystemTrayIcon would otherwise become a second item under the same
/// panel, so the fallback stays hidden while ours is shown.
class StatusNotifierTrayIcon final : public TrayIcon
{
    Q_OBJECT

public:
    StatusNotifierTrayIcon(QMenu *menu, QObject *parent);

    void setIcon(const QIcon &icon) override;
    void setToolTip(const QString &title, const QStringList &lines) override;
    void setNeedsAttention(bool attention) override;
    void show() override;
    [[nodiscard]] bool isAvailable() const override;
    [[nodiscard]] QSystemTrayIcon *systemTrayIcon() const override { return m_fallback->systemTrayIcon(); }

private:
    void place();

    StatusNotifierItem *m_item;
    QtTrayIcon *m_fallback;
    bool m_shown = false;
};

} // namespace Notify::Tray
