// SPDX-License-Identifier: MIT
// Our client, a Node.js SSE server: better-sse on Node's http, with its own
// retry. It ends the response after every 3 events; the client must
// reconnect, send Last-Event-ID, and get all 12 events in order.
// The response ends with res.end() (all written, then FIN): it once ended
// with res.destroy() 100 ms after the events, and on a busy machine the
// client had not read them yet, so the connection carried none of them and
// the client rightly came back with the same Last-Event-ID (5 connections
// instead of 4). No keep-alive: a comment written after the end would fail.
//   node client_bettersse.mjs <notify-cli>
import { createSession } from 'better-sse';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fail, waitFor } from './lib.mjs';

const version = JSON.parse(readFileSync(new URL('./node_modules/better-sse/package.json', import.meta.url))).version;
const total = 12;
const lastIds = [];
const http = createServer(async (req, res) => {
  const last = req.headers['last-event-id'];
  lastIds.push(last ?? null);
  const session = await createSession(req, res, { retry: 200, keepAlive: null });
  let next = last ? Number(last.split('-')[1]) + 1 : 0;
  for (let i = 0; i < 3 && next < total; i++, next++)
    session.push({ n: next, text: `café ${next}` }, 'tick', `ev-${next}`);
  res.end(); // end this response; the rest comes on the next connection
});
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${http.address().port}/events`;
const cli = spawn(process.argv[2], ['listen', url, '--max-events', String(total)], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
cli.stdout.on('data', (c) => (out += c));
const exit = new Promise((r) => cli.on('exit', r));
try {
  await waitFor(async () => cli.exitCode !== null, 'notify-cli to finish', 30000);
  if ((await exit) !== 0) fail(`notify-cli exited with ${cli.exitCode}:\n${out}`);
  const events = out.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'event');
  const ns = events.map((e) => JSON.parse(e.data).n);
  if (JSON.stringify(ns) !== JSON.stringify([...Array(total).keys()])) fail(`got ${ns}`);
  if (events[4].id !== 'ev-4' || JSON.parse(events[4].data).text !== 'café 4') fail(`event 4 is ${JSON.stringify(events[4])}`);
  const expectedIds = [null, 'ev-2', 'ev-5', 'ev-8'];
  if (JSON.stringify(lastIds) !== JSON.stringify(expectedIds)) fail(`Last-Event-ID sent: ${lastIds}`);
  console.log(`better-sse ${version} on Node ${process.version}: ${total} of ${total} events in order over 4 connections; Last-Event-ID sent each time`);
} finally {
  cli.kill();
  http.close();
}
