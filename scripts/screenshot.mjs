// Takes a screenshot of a page in headless Chromium, for looking at what the components show:
// `node scripts/screenshot.mjs http://127.0.0.1:8000/examples/drop-in/ out.png [width] [height]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [url, out = 'screenshot.png', width = '1000', height = '800'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshot.mjs URL [OUT.png] [WIDTH] [HEIGHT]');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'lanewise-chromium-'));
const result = spawnSync(
  chromiumPath(),
  [
    ...chromiumArgs(),
    `--user-data-dir=${profile}`,
    '--hide-scrollbars',
    '--virtual-time-budget=3000',
    `--window-size=${width},${height}`,
    `--screenshot=${resolve(out)}`,
    url,
  ],
  { encoding: 'utf8' },
);
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(result.status ?? 1);
}
console.log(`saved ${resolve(out)}`);
