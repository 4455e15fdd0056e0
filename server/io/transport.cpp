// SPDX-License-Identifier: MIT
#include "transport.h"

#include "connection.h"

namespace Notify::Server {

Transport::Batch::Batch(Transport &transport)
    : m_transport(transport)
    , m_outermost(!transport.m_inBatch)
{
    transport.m_inBatch = true;
}

Transport::Batch::~Batch()
{
    if (!m_outermost)
        return;
    m_transport.m_inBatch = false;
    qDeleteAll(m_transport.m_doomed);
    m_transport.m_doomed.clear();
    m_transport.m_events->onBatchEnd();
}

Transport::Transport(TransportEvents *events, Counters *counters, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_counters(counters)
{ }

Transport::~Transport()
{
    qDeleteAll(m_doomed);
}

void Transport::release(Connection *c)
{
    if (m_inBatch)
        m_doomed << c;
    else
        delete c;
}

} // namespace Notify::Server
