// SPDX-License-Identifier: MIT
#include "batchslicer.h"

namespace Notify::Server {

BatchSlicer::BatchSlicer(std::shared_ptr<const FrameBatch> batch)
    : m_batch(std::move(batch))
{
    if (m_batch->isEmpty())
        return;
    m_firstSeq = m_batch->first().seq;
    m_lastSeq = m_batch->last().seq;
    for (const Frame &frame : *m_batch) {
        if (frame.audience.isEmpty()) {
            m_anyBroadcast = true;
            continue;
        }
        m_allBroadcast = false;
        for (const QString &user : frame.audience) {
            if (!m_users.contains(user))
                m_users << user;
        }
    }
}

const QByteArray &BatchSlicer::whole()
{
    if (m_whole.isEmpty()) {
        qsizetype size = 0;
        for (const Frame &frame : *m_batch)
            size += frame.bytes.size();
        m_whole.reserve(size);
        for (const Frame &frame : *m_batch)
            m_whole += frame.bytes;
    }
    return m_whole;
}

QByteArray BatchSlicer::forStream(const QString &user, quint64 haveSeq, qint64 *events)
{
    *events = 0;
    if (m_batch->isEmpty() || haveSeq >= m_lastSeq)
        return {};
    if (m_allBroadcast && haveSeq < m_firstSeq) {
        *events = m_batch->size();
        return m_batch->size() == 1 ? m_batch->first().bytes : whole();
    }
    QByteArray mine;
    for (const Frame &frame : *m_batch) {
        if (frame.seq <= haveSeq)
            continue;
        if (!frame.audience.isEmpty() && !frame.audience.contains(user))
            continue;
        mine += frame.bytes;
        ++*events;
    }
    return mine;
}

} // namespace Notify::Server
