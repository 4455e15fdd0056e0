// SPDX-License-Identifier: MIT
// Helpers shared by the interoperability tests: start our server on a free
// loopback port, publish through its REST API, wait for conditions.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ALICE = 'alice-token-0001';
export const ADMIN = 'admin-token-0003';

export function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

export async function waitFor(predicate, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  fail(`timed out waiting for ${what}`);
}

export function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts notify-server with alice and an admin; resolves to {url, port, stop}.
export async function startNotifyServer(binary, extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'notify-interop-'));
  const users = join(dir, 'users.json');
  writeFileSync(users, JSON.stringify({ users: [
    { name: 'alice', display_name: 'Alice', token: ALICE },
    { name: 'admin', display_name: 'Admin', token: ADMIN, admin: true },
  ] }));
  const proc = spawn(binary, ['--users', users, '--in-memory', '--port', '0', '--threads', '1', ...extraArgs], {
    env: { ...process.env, QT_LOGGING_RULES: 'notify.*.info=false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    proc.on('exit', (code) => reject(new Error(`notify-server exited (${code}): ${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    stop() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function publish(url, event, data, user) {
  const body = { event, data };
  if (user) body.user = user;
  const r = await fetch(`${url}/api/v1/events/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) fail(`publish answered ${r.status}: ${await r.text()}`);
  return (await r.json()).id;
}

export async function dropStreams(url) {
  const r = await fetch(`${url}/api/v1/dev/faults`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'drop_streams' }),
  });
  if (r.status !== 200) fail(`faults answered ${r.status}`);
}

export function notification(n) {
  return { notification_id: `interop-${n}`, title: `Interop ${n}`, level: 'info' };
}

// Debian's Chromium, headless, through playwright-core (CHROMIUM overrides the path).
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}
