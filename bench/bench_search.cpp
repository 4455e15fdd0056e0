// SPDX-License-Identifier: MIT
//
// The notifications tab's search box over 10,000 rows: the real page (model,
// filter, view) offscreen, a user typing "stock 42" one key at a time.
//
//   bench_search [--rows 10000] [--runs 5] [--key-ms 120]
//
// Measured, per run, as CPU time of this process (the filtering and the
// view's relayout both count):
//  - per filter pass: the search text set straight on the filter for each
//    prefix ("s", "st", … "stock 42"), the cost of one keystroke when every
//    key filters the list;
//  - typed: the same keys through the search box, --key-ms apart (a brisk
//    typist), with the page's pause before it filters: the cost of the
//    whole word.
// Printed: the median of the runs for each, and the rows the search left.

#include "core/desktopsession.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "ui/notificationspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Notify::Tray;

namespace {

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/// Runs the event loop for @p ms, sleeping while there is nothing to do.
void wait(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
}

void type(QWidget *widget, QChar c)
{
    QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
    QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
    QCoreApplication::sendEvent(widget, &press);
    QCoreApplication::sendEvent(widget, &release);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QList<NotificationItem> history(int rows)
{
    static const char *const words[] = { "Payment failed", "Order shipped", "Low stock",      "Courier delayed",
                                         "Refund issued",  "New review",    "Address changed" };
    static const char *const categories[] = { "payments", "orders", "stock", "shipping", "support" };
    QList<NotificationItem> items;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-rows * 60LL);
    for (int i = 0; i < rows; ++i) {
        NotificationItem n;
        n.id = QStringLiteral("n%1").arg(i);
        n.title = QStringLiteral("%1 %2").arg(QLatin1StringView(words[i % 7])).arg(i);
        n.body = QStringLiteral("Order %1 for customer %2\nSecond line").arg(1000 + i).arg(i % 97);
        n.category = QLatin1StringView(categories[i % 5]);
        n.level = Notify::Protocol::Level(i % 4);
        n.createdAt = start.addSecs(i * 60LL);
        n.read = i % 3 == 0;
        items << n;
    }
    return items;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addOption(
        { QStringLiteral("rows"), QStringLiteral("Rows in the list."), QStringLiteral("N"), QStringLiteral("10000") });
    cli.addOption({ QStringLiteral("runs"), QStringLiteral("Runs."), QStringLiteral("N"), QStringLiteral("5") });
    cli.addOption({ QStringLiteral("key-ms"), QStringLiteral("Time between two keys when typing."),
                    QStringLiteral("MS"), QStringLiteral("120") });
    cli.addHelpOption();
    cli.process(app);
    const int rows = cli.value(QStringLiteral("rows")).toInt();
    const int runs = cli.value(QStringLiteral("runs")).toInt();
    const int keyMs = cli.value(QStringLiteral("key-ms")).toInt();
    const QString word = QStringLiteral("stock 42");

    DesktopSession session(nullptr, nullptr);
    session.notifications()->reset(history(rows));
    NotificationsPage page(&session);
    page.resize(1000, 600);
    page.show();
    QCoreApplication::processEvents();
    auto *search = page.findChild<QLineEdit *>();

    QList<double> perPass;
    QList<double> typed;
    int left = 0;
    for (int run = 0; run < runs; ++run) {
        // Every prefix straight on the filter: one pass per key.
        double spent = 0;
        for (int length = 1; length <= word.size(); ++length) {
            const double before = cpuMs();
            page.filter()->setSearchText(word.left(length));
            QCoreApplication::processEvents(); // the view lays out and paints what is left
            spent += cpuMs() - before;
        }
        perPass << spent / double(word.size());
        left = page.filter()->rowCount();
        page.filter()->setSearchText({});
        QCoreApplication::processEvents();

        // Typed into the box at a typist's pace.
        search->clear();
        QCoreApplication::processEvents();
        const double before = cpuMs();
        for (const QChar c : word) {
            type(search, c);
            wait(keyMs);
        }
        wait(NotificationsPage::SearchDelayMs + 50);
        typed << cpuMs() - before;
        if (page.filter()->rowCount() != left)
            fprintf(stderr, "typed search left %d rows, not %d\n", page.filter()->rowCount(), left);
        search->clear();
        wait(50);
    }
    printf("rows %d, search \"%s\" leaves %d\n", rows, qPrintable(word), left);
    printf("one filter pass (per key when every key filters): median %.1f ms CPU\n", median(perPass));
    printf("typing the %lld keys %d ms apart: median %.1f ms CPU in all\n", qsizetype(word.size()), keyMs,
           median(typed));
    return 0;
}
