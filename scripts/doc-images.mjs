// `npm run doc-images`: a picture of each widget for docs/elements.md, taken from its drop-in
// page in headless Chromium (the first instance of the tag, 1000 px wide, light scheme), into
// docs/images/<tag>.png. Needs the CDN file (`npm run build`); serves the repository itself.
import { mkdirSync, readdirSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const tags = readdirSync('examples/drop-in')
  .filter((name) => name.endsWith('.html') && name !== 'index.html')
  .map((name) => name.replace(/\.html$/, ''));
const server = await startDevServer({
  config: { rootDir: '.', port: 0, hostname: '127.0.0.1' },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port } = server.server.address();
const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
mkdirSync('docs/images', { recursive: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 1 });
  for (const tag of tags) {
    await page.goto(`http://127.0.0.1:${port}/examples/drop-in/${tag}.html`, {
      waitUntil: 'networkidle0',
    });
    const element = await page.waitForSelector(tag);
    // Widgets fed by src render after their fetch: give them a moment past network idle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await element.screenshot({ path: `docs/images/${tag}.png` });
    console.log(`docs/images/${tag}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
}
