// SPDX-License-Identifier: MIT
// DBusMenuExporter's side of com.canonical.dbusmenu, called directly (the
// bus is sni-check.py's part): the layout a panel reads from a QMenu, the
// updates it is told of, and the events it sends back.

#include "ui/dbusmenuexporter.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace Notify::Tray;

class TestDBusMenuExporter final : public QObject
{
    Q_OBJECT

private:
    static DBusMenuLayoutItem layout(DBusMenuExporter &exporter, int parent = 0, int depth = -1)
    {
        DBusMenuLayoutItem item;
        exporter.GetLayout(parent, depth, {}, item);
        return item;
    }

private slots:
    void labels_data()
    {
        QTest::addColumn<QString>("qt");
        QTest::addColumn<QString>("dbusmenu");
        QTest::addRow("mnemonic") << QStringLiteral("&Quit") << QStringLiteral("_Quit");
        QTest::addRow("inner mnemonic") << QStringLiteral("For &1 hour") << QStringLiteral("For _1 hour");
        QTest::addRow("literal ampersand") << QStringLiteral("R&&D") << QStringLiteral("R&D");
        QTest::addRow("underscore doubled") << QStringLiteral("order_42") << QStringLiteral("order__42");
        QTest::addRow("trailing ampersand dropped") << QStringLiteral("Odd&") << QStringLiteral("Odd");
        QTest::addRow("plain") << QStringLiteral("Settings…") << QStringLiteral("Settings…");
    }
    void labels()
    {
        QFETCH(QString, qt);
        QFETCH(QString, dbusmenu);
        QCOMPARE(DBusMenuExporter::labelOf(qt), dbusmenu);
    }

    void layoutOfAMenu()
    {
        QMenu menu;
        menu.addAction(QStringLiteral("&Open"));
        QMenu *sub = menu.addMenu(QStringLiteral("Do not disturb"));
        auto *group = new QActionGroup(sub);
        QAction *off = sub->addAction(QStringLiteral("Off"));
        QAction *hour = sub->addAction(QStringLiteral("For 1 hour"));
        for (QAction *a : { off, hour }) {
            a->setCheckable(true);
            group->addAction(a);
        }
        off->setChecked(true);
        menu.addSeparator();
        QAction *disabled = menu.addAction(QStringLiteral("Mark all read"));
        disabled->setEnabled(false);
        QAction *check = menu.addAction(QStringLiteral("Sound"));
        check->setCheckable(true);

        DBusMenuExporter exporter(&menu);
        const DBusMenuLayoutItem root = layout(exporter);
        QCOMPARE(root.id, 0);
        QCOMPARE(root.children.size(), 5);
        QCOMPARE(root.children[0].properties.value(QStringLiteral("label")).toString(), QStringLiteral("_Open"));
        // Defaults are left out, as the specification asks.
        QVERIFY(!root.children[0].properties.contains(QStringLiteral("enabled")));
        QVERIFY(!root.children[0].properties.contains(QStringLiteral("toggle-type")));
        QCOMPARE(root.children[1].properties.value(QStringLiteral("children-display")).toString(),
                 QStringLiteral("submenu"));
        QCOMPARE(root.children[1].children.size(), 2);
        const QVariantMap offProps = root.children[1].children[0].properties;
        QCOMPARE(offProps.value(QStringLiteral("toggle-type")).toString(), QStringLiteral("radio"));
        QCOMPARE(offProps.value(QStringLiteral("toggle-state")).toInt(), 1);
        QCOMPARE(root.children[1].children[1].properties.value(QStringLiteral("toggle-state")).toInt(), 0);
        QCOMPARE(root.children[2].properties.value(QStringLiteral("type")).toString(), QStringLiteral("separator"));
        QCOMPARE(root.children[3].properties.value(QStringLiteral("enabled")), QVariant(false));
        QCOMPARE(root.children[4].properties.value(QStringLiteral("toggle-type")).toString(),
                 QStringLiteral("checkmark"));

        // Depth 0: the item alone; depth 1: children without grandchildren.
        QVERIFY(layout(exporter, 0, 0).children.isEmpty());
        QVERIFY(layout(exporter, 0, 1).children[1].children.isEmpty());
        // A submenu by its own id; the same ids every time.
        const DBusMenuLayoutItem again = layout(exporter, root.children[1].id);
        QCOMPARE(again.children.size(), 2);
        QCOMPARE(again.children[0].id, root.children[1].children[0].id);
        // Only the properties asked for.
        DBusMenuLayoutItem labelsOnly;
        exporter.GetLayout(0, -1, { QStringLiteral("label") }, labelsOnly);
        QCOMPARE(labelsOnly.children[3].properties.keys(), QStringList{ QStringLiteral("label") });
        const DBusMenuItemList group2 = exporter.GetGroupProperties({ root.children[3].id, 9999 }, {});
        QCOMPARE(group2.size(), 1); // an unknown id is left out
        QCOMPARE(exporter.GetProperty(root.children[0].id, QStringLiteral("label")).variant().toString(),
                 QStringLiteral("_Open"));
    }

    void clicksComeBackAsTriggers()
    {
        QMenu menu;
        QAction *open = menu.addAction(QStringLiteral("Open"));
        QAction *disabled = menu.addAction(QStringLiteral("Mark all read"));
        disabled->setEnabled(false);
        DBusMenuExporter exporter(&menu);
        const DBusMenuLayoutItem root = layout(exporter);
        QSignalSpy opened(open, &QAction::triggered);
        QSignalSpy refused(disabled, &QAction::triggered);
        exporter.Event(root.children[0].id, QStringLiteral("clicked"), QDBusVariant(QString()), 0);
        QCOMPARE(opened.size(), 0); // after the reply, not inside the call
        QVERIFY(opened.wait());
        exporter.Event(root.children[1].id, QStringLiteral("clicked"), QDBusVariant(QString()), 0);
        QCoreApplication::processEvents();
        QCOMPARE(refused.size(), 0);
        // EventGroup names the ids it does not know.
        const QList<int> errors = exporter.EventGroup(
            { DBusMenuEvent{ root.children[0].id, QStringLiteral("clicked"), QDBusVariant(QString()), 0 },
              DBusMenuEvent{ 4242, QStringLiteral("clicked"), QDBusVariant(QString()), 0 } });
        QCOMPARE(errors, QList<int>{ 4242 });
        QVERIFY(opened.wait());
    }

    void submenusFillThemselvesWhenOpened()
    {
        // "Latest notifications" is rebuilt in aboutToShow, as in the XEmbed tray.
        QMenu menu;
        QMenu *latest = menu.addMenu(QStringLiteral("Latest notifications"));
        int shown = 0;
        connect(latest, &QMenu::aboutToShow, latest, [&] {
            latest->clear();
            latest->addAction(QStringLiteral("Item %1").arg(++shown));
        });
        DBusMenuExporter exporter(&menu);
        const int latestId = layout(exporter).children[0].id;
        QSignalSpy layoutUpdated(&exporter, &DBusMenuExporter::LayoutUpdated);
        const uint before = exporter.revision();
        QVERIFY(exporter.AboutToShow(latestId)); // yes, it changed: read it again
        QCOMPARE_GT(exporter.revision(), before);
        QCOMPARE(layoutUpdated.size(), 1);
        QCOMPARE(layout(exporter, latestId).children[0].properties.value(QStringLiteral("label")).toString(),
                 QStringLiteral("Item 1"));
        QList<int> errors;
        QCOMPARE(exporter.AboutToShowGroup({ latestId, 777 }, errors), QList<int>{ latestId });
        QCOMPARE(errors, QList<int>{ 777 });
        QVERIFY(!exporter.AboutToShow(layout(exporter, latestId).children[0].id)); // not a menu
    }

    void changesAreAnnouncedOncePerPass()
    {
        QMenu menu;
        QAction *a = menu.addAction(QStringLiteral("Reconnect now"));
        QAction *b = menu.addAction(QStringLiteral("Do not disturb"));
        DBusMenuExporter exporter(&menu);
        const DBusMenuLayoutItem root = layout(exporter);
        QSignalSpy updated(&exporter, &DBusMenuExporter::ItemsPropertiesUpdated);
        QSignalSpy relaid(&exporter, &DBusMenuExporter::LayoutUpdated);
        a->setEnabled(false);
        b->setText(QStringLiteral("Do not disturb (until 18:00)"));
        b->setText(QStringLiteral("Do not disturb (until 19:00)"));
        QVERIFY(updated.wait());
        QCOMPARE(updated.size(), 1);
        const auto items = updated.at(0).at(0).value<DBusMenuItemList>();
        QCOMPARE(items.size(), 2);
        for (const DBusMenuItem &item : items) {
            if (item.id == root.children[0].id)
                QCOMPARE(item.properties.value(QStringLiteral("enabled")), QVariant(false));
            else
                QCOMPARE(item.properties.value(QStringLiteral("label")).toString(),
                         QStringLiteral("Do not disturb (until 19:00)"));
        }
        // Enabled again: "enabled" is back at its default, so it is listed as removed.
        a->setEnabled(true);
        QVERIFY(updated.wait());
        const auto removed = updated.last().at(1).value<DBusMenuItemKeysList>();
        QCOMPARE(removed.size(), 1);
        QVERIFY(removed[0].properties.contains(QStringLiteral("enabled")));
        // An entry added or removed: a new layout revision.
        QCOMPARE(relaid.size(), 0);
        menu.addAction(QStringLiteral("Quit"));
        delete b;
        QVERIFY(relaid.wait());
        QCOMPARE(relaid.size(), 1);
        QCOMPARE(relaid.at(0).at(0).toUInt(), exporter.revision());
        QCOMPARE(layout(exporter).children.size(), 2);
    }
};

QTEST_MAIN(TestDBusMenuExporter)
#include "tst_dbusmenuexporter.moc"
