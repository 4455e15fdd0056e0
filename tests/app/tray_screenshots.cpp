// SPDX-License-Identifier: MIT
//
// Screenshots of notify-tray as staff see it: every tab, the welcome page
// and the error banner, in a light and a dark palette.
//
//   tray_screenshots OUTDIR
//
// A notify-server runs in-process with the demo users and a fixed working
// day (notifications of every level, a repeated one, orders in every state,
// messages, colleagues online, away and busy), so the pictures are the same
// from run to run. Run by scripts/desktop-check.sh under Xvfb with a window
// manager (the frame is in the picture) and by scripts/update-screenshots.sh
// for docs/screenshots/; offscreen it grabs the window without its frame.

#include "core/allsourcesmodel.h"
#include "core/desk.h"
#include "core/desktopsession.h"
#include "core/messagemodel.h"
#include "core/notificationmodel.h"
#include "core/ordermodel.h"
#include "core/translations.h"
#include "hub/notifyserver.h"
#include "hub/presencetracker.h"
#include "hub/userdirectory.h"
#include "store/eventstore.h"
#include "ui/allsourcespage.h"
#include "ui/mainwindow.h"
#include "ui/messagespage.h"
#include "ui/notificationspage.h"
#include "ui/orderspage.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QListWidget>
#include <QPalette>
#include <QScreen>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <functional>

using namespace Notify::Tray;

namespace {

using Notify::Server::NotifyServer;

void spinUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTimer wait;
        wait.setSingleShot(true);
        QEventLoop loop;
        QObject::connect(&wait, &QTimer::timeout, &loop, &QEventLoop::quit);
        wait.start(20);
        loop.exec();
    }
}

void settle(int ms = 300)
{
    spinUntil([] { return false; }, ms);
}

QString at(qint64 secondsAgo)
{
    return QDateTime::currentDateTimeUtc().addSecs(-secondsAgo).toString(Qt::ISODate);
}

// A working day, published as the backend would.
void publishDay(NotifyServer &server)
{
    const QStringList alice{ QStringLiteral("alice") };
    const auto notification = [&](const QString &id, const QString &title, const QString &body, const char *level,
                                  const char *category, qint64 ago, const QString &link = {}) {
        QJsonObject data{ { QStringLiteral("notification_id"), id },
                          { QStringLiteral("title"), title },
                          { QStringLiteral("body"), body },
                          { QStringLiteral("level"), QString::fromLatin1(level) },
                          { QStringLiteral("category"), QString::fromLatin1(category) },
                          { QStringLiteral("created_at"), at(ago) } };
        if (!link.isEmpty())
            data.insert(QStringLiteral("link"), link);
        server.publish("notification", data, alice);
    };
    const auto order = [&](const char *id, const char *status, qint64 ago, const char *note = "") {
        server.publish("order_status",
                       QJsonObject{ { QStringLiteral("order_id"), QString::fromLatin1(id) },
                                    { QStringLiteral("status"), QString::fromLatin1(status) },
                                    { QStringLiteral("note"), QString::fromUtf8(note) },
                                    { QStringLiteral("updated_at"), at(ago) } },
                       {});
    };
    notification(QStringLiteral("d1"), QStringLiteral("Stock below minimum: USB-C cables"),
                 QStringLiteral("12 left, 40 on order with the supplier."), "warning", "stock", 30 * 3600);
    notification(QStringLiteral("d2"), QStringLiteral("Monthly report is ready"),
                 QStringLiteral("November's sales and returns, as a PDF."), "info", "reports", 26 * 3600,
                 QStringLiteral("https://shop.example.com/reports/2026-11"));
    order("A-4709", "pending", 9 * 3600);
    order("A-4709", "confirmed", 8 * 3600);
    order("A-4709", "processing", 7 * 3600);
    order("A-4709", "shipped", 6 * 3600, "Parcel handed to the carrier");
    order("A-4709", "delivered", 2 * 3600, "Signed for by K. Lee");
    order("A-4710", "pending", 5 * 3600);
    order("A-4710", "cancelled", 4 * 3600, "Cancelled by the customer");
    notification(QStringLiteral("d3"), QStringLiteral("Payment received for order A-4711"),
                 QStringLiteral("€ 249.00 by card. The order can be packed."), "success", "payments", 3 * 3600);
    order("A-4711", "pending", 3 * 3600 + 60);
    order("A-4711", "confirmed", 3 * 3600);
    order("A-4711", "processing", 2 * 3600);
    order("A-4711", "shipped", 40 * 60, "DHL 00340434161094042557");
    order("A-4712", "pending", 50 * 60);
    order("A-4712", "confirmed", 45 * 60);
    order("A-4712", "processing", 20 * 60, "Waiting for the second item");
    order("A-4713", "pending", 5 * 60);
    for (int i = 0; i < 4; ++i)
        notification(QStringLiteral("p%1").arg(i), QStringLiteral("Label printer offline"),
                     QStringLiteral("Printer 2 in the packing area does not answer."), "error", "warehouse",
                     25 * 60 - i * 60);
    notification(QStringLiteral("d4"), QStringLiteral("New order A-4713"),
                 QStringLiteral("3 items, express delivery to Lyon.\nCustomer: Delphine Roux"), "info", "orders",
                 5 * 60, QStringLiteral("https://shop.example.com/orders/A-4713"));
    notification(QStringLiteral("d5"), QStringLiteral("Refund requested for order A-4698"),
                 QStringLiteral("The customer reports a damaged parcel and sent two photos."), "warning", "returns",
                 3 * 60, QStringLiteral("https://shop.example.com/returns/A-4698"));
    // Team work: errors for the support group; bob has taken one on, the newest waits for someone.
    const QStringList support = server.users().members(QStringLiteral("support"));
    server.publish(
        "notification",
        QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("t1") },
                     { QStringLiteral("title"), QStringLiteral("Refund failed for order A-4702") },
                     { QStringLiteral("body"),
                       QStringLiteral("The payment provider declined the refund; the customer is waiting.") },
                     { QStringLiteral("level"), QStringLiteral("error") },
                     { QStringLiteral("category"), QStringLiteral("payments") },
                     { QStringLiteral("created_at"), at(9 * 60) } },
        support);
    server.store().claim(QStringLiteral("bob"), QStringLiteral("t1"),
                         Notify::Server::Claim{ QStringLiteral("bob"), at(7 * 60) },
                         QDateTime::currentMSecsSinceEpoch());
    server.publish("notification",
                   QJsonObject{ { QStringLiteral("notification_id"), QStringLiteral("d6") },
                                { QStringLiteral("title"), QStringLiteral("Card payment failed for order A-4714") },
                                { QStringLiteral("body"),
                                  QStringLiteral("The bank declined the card (insufficient "
                                                 "funds). Someone should call the customer.") },
                                { QStringLiteral("level"), QStringLiteral("error") },
                                { QStringLiteral("category"), QStringLiteral("payments") },
                                { QStringLiteral("created_at"), at(40) } },
                   support);
}

// Messages come down the stream (the contract has no list of them), so
// they are sent once the app is connected, as colleagues write during the day.
void publishMessages(NotifyServer &server)
{
    const auto message = [&](const char *id, const char *from, const char *to, const char *body, qint64 ago) {
        server.publish("message",
                       QJsonObject{ { QStringLiteral("message_id"), QString::fromLatin1(id) },
                                    { QStringLiteral("from"), QString::fromLatin1(from) },
                                    { QStringLiteral("to"), QString::fromLatin1(to) },
                                    { QStringLiteral("body"), QString::fromUtf8(body) },
                                    { QStringLiteral("sent_at"), at(ago) } },
                       { QString::fromLatin1(from), QString::fromLatin1(to) });
    };
    message("m1", "bob", "alice", "Courier is here for the express parcels.", 50 * 60);
    message("m2", "alice", "bob", "Coming, 2 minutes.", 49 * 60);
    message("m3", "carol", "alice", "Can you check the refund for A-4698? Photos are in the ticket.", 2 * 60);
    message("m4", "bob", "alice", "Printer 2 is jammed again, I restarted it.", 60);
}

void applyPalette(bool dark)
{
    if (!dark) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(100, 170, 255));
    p.setColor(QPalette::Highlight, QColor(38, 110, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    QApplication::setPalette(p);
}

// The window as it is on screen, with the window manager's frame when
// there is one; offscreen, the widget itself.
bool save(QWidget *window, const QString &path)
{
    window->raise();
    window->activateWindow();
    // Mapped and framed by the window manager first: on a busy machine a
    // fixed pause was not enough (a 1x1 picture of a dialog not yet shown).
    const auto shown = [window] {
        const QWindow *handle = window->windowHandle();
        return handle && handle->isExposed() && window->frameGeometry().width() >= window->width()
            && window->width() > 1;
    };
    // Qt's xcb plugin keeps the frame margins it read while openbox's frame
    // was still 1x1 (a frame 1x1 around a 377x506 dialog, 1 run in 4): they
    // are read again after the window moves, so a window exposed but not
    // framed after a second is moved by a pixel.
    QElapsedTimer sinceNudge;
    sinceNudge.start();
    spinUntil([&] {
        if (shown())
            return true;
        const QWindow *handle = window->windowHandle();
        if (handle && handle->isExposed() && sinceNudge.elapsed() > 1000) {
            std::fprintf(stderr, "tray_screenshots: %s exposed but not framed after 1 s: moved by a pixel\n",
                         qPrintable(path));
            window->move(window->pos() + QPoint(1, 0));
            sinceNudge.restart();
        }
        return false;
    });
    if (!shown()) {
        const QWindow *handle = window->windowHandle();
        std::fprintf(stderr,
                     "tray_screenshots: %s was not shown within 10 s (visible %d, exposed %d, frame %dx%d, size "
                     "%dx%d)\n",
                     qPrintable(path), int(window->isVisible()), int(handle && handle->isExposed()),
                     window->frameGeometry().width(), window->frameGeometry().height(), window->width(),
                     window->height());
        return false;
    }
    settle();
    QPixmap picture;
    QScreen *screen = window->screen();
    if (QGuiApplication::platformName() == u"xcb" && screen) {
        const QRect frame = window->frameGeometry();
        picture = screen->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
    } else {
        picture = window->grab();
    }
    if (picture.width() < window->width() || picture.height() < window->height()) {
        std::fprintf(stderr, "tray_screenshots: the picture for %s is %dx%d, the window %dx%d\n", qPrintable(path),
                     picture.width(), picture.height(), window->width(), window->height());
        return false;
    }
    if (!picture.save(path)) {
        std::fprintf(stderr, "tray_screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("notify-tray-screenshots"));
    QApplication::setApplicationDisplayName(QStringLiteral("Notify"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // The system's language (LANGUAGE=de): its pictures are named tray-…-de.png.
    const QString language = Translations::install(&app);
    const QString suffix = language == u"en" ? QString() : QStringLiteral("-") + language;
    if (argc < 2) {
        std::fprintf(stderr, "usage: tray_screenshots OUTDIR\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);

    Notify::Server::ServerConfig config;
    config.port = 0;
    config.inMemory = true;
    config.demo = true;
    config.threads = 1;
    NotifyServer server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "tray_screenshots: %s\n", qPrintable(error));
        return 1;
    }
    publishDay(server);
    server.presence().simulate(QStringLiteral("bob"), Notify::Protocol::PresenceStatus::Online);
    server.presence().simulate(QStringLiteral("carol"), Notify::Protocol::PresenceStatus::Away);
    server.presence().simulate(QStringLiteral("dave"), Notify::Protocol::PresenceStatus::Busy);

    DesktopSession session(nullptr, nullptr);
    DesktopSession::Settings settings;
    settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    settings.user = QStringLiteral("alice");
    settings.token = server.users().find(QStringLiteral("alice"))->token;
    session.setSettings(settings);
    MainWindow window(&session);
    window.resize(1040, 640);
    window.move(40, 50);
    window.show();
    session.start();
    spinUntil([&] { return session.notifications()->rowCount() >= 7 && session.orders()->rowCount() >= 5; });
    publishMessages(server);
    spinUntil([&] { return session.messages()->rowCount() >= 4; });
    // A morning's reading: the older ones read, the newest ones not.
    session.markRead(QStringList{ QStringLiteral("d1"), QStringLiteral("d2"), QStringLiteral("d3") });
    settle(800);

    const QStringList tabs{ QStringLiteral("notifications"), QStringLiteral("orders"), QStringLiteral("messages"),
                            QStringLiteral("people"), QStringLiteral("details") };
    bool ok = true;
    for (const bool dark : { false, true }) {
        applyPalette(dark);
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (int tab = 0; tab < tabs.size(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            if (tab == MainWindow::NotificationsTab) {
                QTableView *list = window.notificationsPage()->view();
                list->setCurrentIndex(list->model()->index(1, 0));
            } else if (tab == MainWindow::OrdersTab) {
                QTableView *orders = window.ordersPage()->activeView();
                orders->setCurrentIndex(orders->model()->index(0, 0));
            } else if (tab == MainWindow::MessagesTab) {
                window.messagesPage()->selectPeer(QStringLiteral("bob"));
            }
            ok = save(&window, QStringLiteral("%1/tray-%2-%3%4.png").arg(out, tabs.at(tab), theme, suffix)) && ok;
        }
        // Alone on the screen: a window manager may keep a new window below the
        // active one (openbox's focus-stealing prevention), and then it is
        // never exposed (1 run in 3 on a busy machine waited 10 s for it).
        window.hide();
        SettingsDialog welcome(DesktopSession::Settings(), SettingsDialog::Mode::Welcome);
        welcome.move(120, 80);
        welcome.show();
        ok = save(&welcome, QStringLiteral("%1/tray-welcome-%2%3.png").arg(out, theme, suffix)) && ok;
        welcome.hide();
        window.show();
    }

    // Team work: the newest error waits for someone (Claim in the pane), bob handles the refund.
    window.tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    QTableView *list = window.notificationsPage()->view();
    list->setCurrentIndex(list->model()->index(0, 0));
    for (const bool dark : { false, true }) {
        applyPalette(dark);
        ok = save(&window,
                  QStringLiteral("%1/tray-claims-%2%3.png")
                      .arg(out, dark ? QStringLiteral("dark") : QStringLiteral("light"), suffix))
            && ok;
    }

    // The token is refused: the banner says so and offers the settings.
    DesktopSession::Settings wrong = settings;
    wrong.token = "expired-token";
    session.setSettings(wrong);
    session.reconnectNow();
    spinUntil([&] { return session.connectionState() == Notify::SseClient::State::AuthRequired; });
    window.tabs()->setCurrentIndex(MainWindow::NotificationsTab);
    for (const bool dark : { false, true }) {
        applyPalette(dark);
        ok = save(&window,
                  QStringLiteral("%1/tray-banner-%2%3.png")
                      .arg(out, dark ? QStringLiteral("dark") : QStringLiteral("light"), suffix))
            && ok;
    }
    session.stop();
    window.hide();

    // Several sources: the shop and a warehouse, together in All sources.
    NotifyServer warehouse(config);
    if (!warehouse.start(&error)) {
        std::fprintf(stderr, "tray_screenshots: %s\n", qPrintable(error));
        return 1;
    }
    const auto stock = [&warehouse](const char *id, const char *level, const char *title, const char *category) {
        warehouse.publish(
            "notification",
            QJsonObject{ { QStringLiteral("notification_id"), QString::fromLatin1(id) },
                         { QStringLiteral("title"), QString::fromUtf8(title) },
                         { QStringLiteral("level"), QString::fromLatin1(level) },
                         { QStringLiteral("category"), QString::fromLatin1(category) },
                         { QStringLiteral("created_at"),
                           QDateTime::currentDateTimeUtc().addSecs(-60 * (id[1] - '0')).toString(Qt::ISODate) } },
            { QStringLiteral("alice") });
    };
    stock("w1", "error", "Pallet damaged at gate 2", "damage");
    stock("w3", "warning", "Forklift 3 needs service", "equipment");
    stock("w5", "info", "Delivery checked in", "deliveries");
    Desk desk(nullptr, nullptr);
    Desk::Source shop{ settings, {} };
    shop.settings.sourceName = QStringLiteral("Shop");
    Desk::Source store{ settings, {} };
    store.settings.sourceName = QStringLiteral("Warehouse");
    store.settings.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(warehouse.port()));
    store.settings.token = warehouse.users().find(QStringLiteral("alice"))->token;
    desk.setSources({ shop, store });
    MainWindow together(&desk);
    together.resize(1040, 640);
    together.move(40, 50);
    together.show();
    desk.start();
    spinUntil([&] {
        return desk.session(0)->notifications()->rowCount() >= 7 && desk.session(1)->notifications()->rowCount() >= 3;
    });
    settle(800);
    together.allSourcesPage()->model()->follow();
    settle(300);
    for (const bool dark : { false, true }) {
        applyPalette(dark);
        ok = save(&together,
                  QStringLiteral("%1/tray-sources-%2%3.png")
                      .arg(out, dark ? QStringLiteral("dark") : QStringLiteral("light"), suffix))
            && ok;
    }
    desk.stop();
    return ok ? 0 : 1;
}
