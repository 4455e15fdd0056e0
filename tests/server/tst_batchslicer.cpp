// SPDX-License-Identifier: MIT
// BatchSlicer: which frames of a batch each stream gets, and that a batch of
// broadcasts is built once and shared.

#include "io/batchslicer.h"

#include <QTest>

using Notify::Server::BatchSlicer;
using Notify::Server::Frame;
using Notify::Server::FrameBatch;

namespace {

Frame frame(quint64 seq, QStringList audience = {})
{
    return Frame{ seq, std::move(audience), "e" + QByteArray::number(seq) + ";" };
}

std::shared_ptr<const FrameBatch> batch(FrameBatch frames)
{
    return std::make_shared<const FrameBatch>(std::move(frames));
}

} // namespace

class tst_BatchSlicer final : public QObject
{
    Q_OBJECT

private slots:
    void broadcastsAreBuiltOnceAndShared();
    void aStreamGetsOnlyWhatItHasNot();
    void usersSeeOnlyTheirFrames();
    void singleFrameIsNotCopied();
};

void tst_BatchSlicer::broadcastsAreBuiltOnceAndShared()
{
    BatchSlicer slicer(batch({ frame(5), frame(6), frame(7) }));
    QVERIFY(!slicer.userOnly());
    qint64 n = 0;
    const QByteArray a = slicer.forStream(QStringLiteral("alice"), 4, &n);
    QCOMPARE(a, QByteArray("e5;e6;e7;"));
    QCOMPARE(n, 3);
    const QByteArray b = slicer.forStream(QStringLiteral("bob"), 0, &n);
    QCOMPARE(b.constData(), a.constData()); // the same buffer: one copy for every stream
    QCOMPARE(slicer.lastSeq(), 7u);
}

void tst_BatchSlicer::aStreamGetsOnlyWhatItHasNot()
{
    BatchSlicer slicer(batch({ frame(5), frame(6), frame(7) }));
    qint64 n = 0;
    QCOMPARE(slicer.forStream(QStringLiteral("alice"), 5, &n), QByteArray("e6;e7;")); // replayed up to 5
    QCOMPARE(n, 2);
    QCOMPARE(slicer.forStream(QStringLiteral("alice"), 7, &n), QByteArray());
    QCOMPARE(n, 0);
}

void tst_BatchSlicer::usersSeeOnlyTheirFrames()
{
    BatchSlicer slicer(batch({ frame(1, { QStringLiteral("alice") }), frame(2),
                               frame(3, { QStringLiteral("bob"), QStringLiteral("alice") }) }));
    QVERIFY(!slicer.userOnly());
    qint64 n = 0;
    QCOMPARE(slicer.forStream(QStringLiteral("alice"), 0, &n), QByteArray("e1;e2;e3;"));
    QCOMPARE(slicer.forStream(QStringLiteral("bob"), 0, &n), QByteArray("e2;e3;"));
    QCOMPARE(slicer.forStream(QStringLiteral("carol"), 0, &n), QByteArray("e2;"));
    QCOMPARE(n, 1);

    BatchSlicer direct(batch({ frame(8, { QStringLiteral("bob") }), frame(9, { QStringLiteral("carol") }) }));
    QVERIFY(direct.userOnly());
    QCOMPARE(direct.users(), QStringList({ QStringLiteral("bob"), QStringLiteral("carol") }));
}

void tst_BatchSlicer::singleFrameIsNotCopied()
{
    const auto one = batch({ frame(3) });
    BatchSlicer slicer(one);
    qint64 n = 0;
    QCOMPARE(slicer.forStream(QStringLiteral("alice"), 0, &n).constData(), one->first().bytes.constData());
}

QTEST_GUILESS_MAIN(tst_BatchSlicer)
#include "tst_batchslicer.moc"
