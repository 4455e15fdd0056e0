// SPDX-License-Identifier: MIT
#include "streamregistry.h"

namespace Notify::Server {

StreamRegistry::StreamRegistry(int maxPerUser, LimitPolicy policy)
    : m_maxPerUser(maxPerUser)
    , m_policy(policy)
{ }

StreamRegistry::Admission StreamRegistry::admit(const QString &user)
{
    const auto it = m_byUser.find(user);
    if (it == m_byUser.end() || it->size() < m_maxPerUser)
        return {};
    if (m_policy == LimitPolicy::Reject) {
        ++m_rejected;
        return { false, std::nullopt };
    }
    // evict-oldest: the new stream takes the place of the user's oldest.
    const quint64 oldest = it->takeFirst();
    const Entry entry = m_streams.take(oldest);
    ++m_evicted;
    return { true, StreamRef{ oldest, entry.worker } };
}

quint64 StreamRegistry::add(const QString &user, ConnectionWorker *worker)
{
    const quint64 id = m_nextId++;
    m_streams.insert(id, Entry{ user, worker });
    m_byUser[user].append(id);
    return id;
}

std::optional<QString> StreamRegistry::remove(quint64 streamId)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end())
        return std::nullopt;
    const QString user = it->user;
    m_streams.erase(it);
    const auto userIt = m_byUser.find(user);
    if (userIt != m_byUser.end()) {
        userIt->removeOne(streamId);
        if (userIt->isEmpty())
            m_byUser.erase(userIt);
    }
    return user;
}

std::optional<StreamRegistry::Taken> StreamRegistry::take(quint64 streamId)
{
    const auto it = m_streams.constFind(streamId);
    if (it == m_streams.constEnd())
        return std::nullopt;
    Taken taken{ it->user, it->worker };
    remove(streamId);
    return taken;
}

void StreamRegistry::clear()
{
    m_streams.clear();
    m_byUser.clear();
}

} // namespace Notify::Server
