// SPDX-License-Identifier: MIT
// Our server, a real browser: Debian's Chromium (driven by playwright-core)
// opens EventSource from a page on another origin (so CORS is exercised),
// receives events, survives a server-side drop and resumes with the
// browser's own Last-Event-ID: the events published while it was away must
// arrive, none twice.
//   node server_browser.mjs <notify-server>
import { createServer } from 'node:http';
import { ALICE, dropStreams, fail, freePort, launchChromium, notification, publish, startNotifyServer, waitFor } from './lib.mjs';

const pagePort = await freePort();
const origin = `http://127.0.0.1:${pagePort}`;
// retry: 1500 gives the test time to publish while the browser is away.
const server = await startNotifyServer(process.argv[2], ['--cors-origin', origin, '--retry-ms', '1500']);
const page = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><title>notify interop</title><script>
    window.received = [];
    window.opens = 0;
    const source = new EventSource('${server.url}/api/v1/notifications/sse/stream/?token=${ALICE}');
    source.onopen = () => window.opens++;
    source.addEventListener('notification', (e) => window.received.push({ id: e.lastEventId, data: JSON.parse(e.data) }));
    window.source = source;
    fetch('${server.url}/api/v1/orders/?token=${ALICE}').then((r) => r.json())
      .then((j) => { window.cors = Array.isArray(j.orders) ? 'ok' : 'bad'; }, (e) => { window.cors = 'failed: ' + e; });
  </script>`);
});
await new Promise((r) => page.listen(pagePort, '127.0.0.1', r));

const browser = await launchChromium();
try {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(origin);
  await waitFor(() => tab.evaluate(() => window.opens === 1), 'the browser to open the stream');
  await waitFor(() => tab.evaluate(() => window.cors === 'ok'), 'a cross-origin fetch allowed by CORS');

  const ids = [];
  for (let n = 0; n < 5; n++) ids.push(await publish(server.url, 'notification', notification(n), 'alice'));
  await waitFor(async () => (await tab.evaluate(() => window.received.length)) >= 5, 'the first 5 events');

  // Drop the stream; the browser waits retry (1.5 s) and comes back with Last-Event-ID.
  await dropStreams(server.url);
  for (let n = 5; n < 10; n++) ids.push(await publish(server.url, 'notification', notification(n), 'alice'));
  await waitFor(async () => (await tab.evaluate(() => window.received.length)) >= 10, 'the events sent while away');
  await waitFor(() => tab.evaluate(() => window.opens === 2), 'a second open');

  const received = await tab.evaluate(() => window.received);
  const got = received.map((e) => e.id);
  if (JSON.stringify(got) !== JSON.stringify(ids)) fail(`ids differ:\n got ${got}\n want ${ids}`);
  console.log(`browser (${browser.version()}): 10 of 10 events, in order, once each; resumed after a drop with Last-Event-ID ${ids[4]}; CORS ok`);
} finally {
  await browser.close();
  page.close();
  server.stop();
}
