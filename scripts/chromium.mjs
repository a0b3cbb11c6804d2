// Finds the system Chromium for the browser tests and screenshots. Never downloads one.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);

/** The path of a Chromium binary, or exits with a message saying how to install one. */
export function chromiumPath() {
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  console.error(
    'No Chromium found (looked at CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n' +
      'Install it with: apt-get install chromium   (or set CHROME_PATH to a Chromium binary).',
  );
  process.exit(1);
}

/** Flags for headless runs here: no sandbox as root, no background network chatter. */
export function chromiumArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
