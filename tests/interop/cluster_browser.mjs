// SPDX-License-Identifier: MIT
// A real browser (Debian's Chromium, driven by playwright-core) on a page
// served by nginx in front of several notify-server instances
// (tests/cluster/nginx-cluster.sh): its EventSource must receive every
// notification once and in order while the instances restart behind nginx.
// Prints "open" once the stream is open, then {"ids":[notification ids…],"opens":N}.
//   node cluster_browser.mjs <page url> <count>
import { fail, launchChromium, waitFor } from './lib.mjs';

const [url, count] = [process.argv[2], Number(process.argv[3])];
const browser = await launchChromium();
try {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(url);
  await waitFor(() => tab.evaluate(() => window.opens >= 1), 'the browser to open the stream');
  console.log('open');
  const state = () => tab.evaluate(() => ({ ids: window.received, opens: window.opens, closed: window.closed }));
  const end = Date.now() + 60000;
  while (Date.now() < end) {
    const now = await state();
    if (now.closed) fail(`the EventSource gave up (a non-200 answer through nginx): ${JSON.stringify(now)}`);
    if (now.ids.length >= count) {
      console.log(JSON.stringify(now));
      process.exitCode = 0;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (Date.now() >= end) fail(`timed out: ${JSON.stringify(await state())}`);
} finally {
  await browser.close();
}
