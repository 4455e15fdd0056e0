// SPDX-License-Identifier: MIT
#pragma once
// What every in-process server suite (tests/server/tst_server*.cpp) starts
// with: the server, the raw HTTP/SSE test clients and the users' tokens.

#include "common/apipaths.h"
#include "inprocessserver.h"
#include "store/eventstore.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>

using namespace Notify::Server;
using TestClient::Stream;
using Server = TestSupport::InProcessServer;

inline const QByteArray Alice = TestSupport::AliceToken;
inline const QByteArray Bob = TestSupport::BobToken;
inline const QByteArray Admin = TestSupport::AdminToken;
inline const QByteArray StreamPath = Notify::ApiPath::Stream;
