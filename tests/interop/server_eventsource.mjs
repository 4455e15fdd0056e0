// SPDX-License-Identifier: MIT
// Our server, Node's most used EventSource client (the npm `eventsource`
// package): events, a drop, and resuming with Last-Event-ID.
//   node server_eventsource.mjs <notify-server>
import { EventSource } from 'eventsource';
import { readFileSync } from 'node:fs';
import { ALICE, dropStreams, fail, notification, publish, startNotifyServer, waitFor } from './lib.mjs';

const version = JSON.parse(readFileSync(new URL('./node_modules/eventsource/package.json', import.meta.url))).version;
const server = await startNotifyServer(process.argv[2], ['--retry-ms', '1500']);
const received = [];
let opens = 0;
// With a header, as a Node client would; the token query works too (see the browser test).
const source = new EventSource(`${server.url}/api/v1/notifications/sse/stream/`, {
  fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${ALICE}` } }),
});
source.onopen = () => opens++;
source.addEventListener('notification', (e) => received.push(e.lastEventId));
try {
  await waitFor(() => opens === 1, 'the stream to open');
  const ids = [];
  for (let n = 0; n < 5; n++) ids.push(await publish(server.url, 'notification', notification(n), 'alice'));
  await waitFor(() => received.length >= 5, 'the first 5 events');
  await dropStreams(server.url);
  for (let n = 5; n < 10; n++) ids.push(await publish(server.url, 'notification', notification(n), 'alice'));
  await waitFor(() => received.length >= 10 && opens === 2, 'the events sent while away');
  if (JSON.stringify(received) !== JSON.stringify(ids)) fail(`ids differ:\n got ${received}\n want ${ids}`);
  console.log(`eventsource ${version}: 10 of 10 events, in order, once each; resumed after a drop`);
} finally {
  source.close();
  server.stop();
}
