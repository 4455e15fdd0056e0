// SPDX-License-Identifier: MIT
// The npm eventsource-parser on the same streams as bench/bench_sseparser.cpp,
// so that both can be run back to back and compared as a ratio.
// Usage: node eventsource-parser-bench.mjs [runs] [mib]
// Chunks are decoded to strings before timing (that is what the library
// takes), so its figures leave out UTF-8 decoding; ours include it.
import { createParser } from 'eventsource-parser';

const runs = Number(process.argv[2] ?? 11);
const size = Number(process.argv[3] ?? 64) * 1024 * 1024;
const enc = new TextEncoder();

function smallEvents(target, nonAscii) {
  const parts = ['retry: 3000\n: connected\n\n'];
  let bytes = parts[0].length;
  const title = nonAscii ? 'Bestellung überfällig – Заказ' : 'Order 4711 is overdue for shipping';
  for (let i = 0; bytes < target; ++i) {
    let s = `id: 0badcafe-${i}\nevent: notification\ndata: {"notification_id":"n-${i}","title":"${title}","level":"warning","category":"orders","created_at":"2026-11-28T10:00:00Z"}\n\n`;
    if (i % 50 === 0) s += ': heartbeat 1764324000000\n\n';
    parts.push(s);
    bytes += enc.encode(s).length;
  }
  return enc.encode(parts.join(''));
}

function largeEvents(target) {
  let line = '';
  for (let i = 0; line.length < 64 * 1024 - 32; ++i) line += `{"k":${i},"v":"abcdefgh"},`;
  line = line.padEnd(64 * 1024, 'x');
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < target; ++i) {
    const s = `id: ${i}\ndata: ${line}\n\n`;
    parts.push(s);
    bytes += s.length;
  }
  return enc.encode(parts.join(''));
}

function chunksOf(bytes, chunk) {
  const decoder = new TextDecoder('utf-8');
  const out = [];
  for (let at = 0; at < bytes.length; at += chunk)
    out.push(decoder.decode(bytes.subarray(at, at + chunk), { stream: true }));
  return out;
}

const streams = [
  ['small (ASCII JSON)', smallEvents(size, false)],
  ['small (non-ASCII JSON)', smallEvents(size, true)],
  ['large (64 KiB lines)', largeEvents(size)],
];

console.log('stream                   chunk     MB/s (median)   events/s (median)   events   runs');
for (const [name, bytes] of streams) {
  for (const chunk of [4096, 65536]) {
    const chunks = chunksOf(bytes, chunk);
    const once = () => {
      let events = 0;
      let dataBytes = 0;
      const parser = createParser({ onEvent: (e) => { ++events; dataBytes += e.data.length; } });
      const start = process.hrtime.bigint();
      for (const c of chunks) parser.feed(c);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      return { seconds, events };
    };
    once();
    const times = [];
    let events = 0;
    for (let r = 0; r < runs; ++r) { const res = once(); times.push(res.seconds); events = res.events; }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      name.padEnd(25) + `${chunk / 1024} KiB`.padEnd(10) + String(Math.round(bytes.length / median / 1e6)).padEnd(16)
        + String(Math.round(events / median)).padEnd(20) + String(events).padEnd(9) + runs);
  }
}
