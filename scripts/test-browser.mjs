// The Chromium the end-to-end tests drive. `npm test` runs this first (node scripts/test-browser.mjs):
// it finds a browser, installs Debian's chromium where it can (root with apt), or stops with
// one line saying how. tests/e2e/support/browser.ts launches what findBrowser() finds.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const HOW =
  'npm test needs Chromium for its end-to-end tests: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/** @type {import('./test-browser.mjs').BrowserSystem} */
export const realSystem = {
  env: process.env,
  isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  onPath: (name) =>
    (process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, name))
      .find((path) => realSystem.isFile(path)) ?? null,
  isRoot: process.getuid?.() === 0,
  run: (command, args) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
};

/** CHROMIUM_PATH, then /usr/bin/chromium, then a Chromium or Chrome on the PATH; null if none. */
export function findBrowser(system = realSystem) {
  const chosen = system.env.CHROMIUM_PATH;
  if (chosen) return system.isFile(chosen) ? chosen : null;
  if (system.isFile('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of CANDIDATES_ON_PATH) {
    const path = system.onPath(name);
    if (path) return path;
  }
  return null;
}

export function ensureBrowser(system = realSystem) {
  const chosen = system.env.CHROMIUM_PATH;
  if (chosen && !system.isFile(chosen)) {
    return { ok: false, message: `CHROMIUM_PATH is ${chosen}, but there is no such file: point it at a Chromium or Chrome binary, or unset it.` };
  }
  const found = findBrowser(system);
  if (found) return { ok: true, path: found };
  if (system.isRoot && system.onPath('apt-get')) {
    console.log("No Chromium found for the end-to-end tests: installing Debian's chromium with apt-get…");
    const installed =
      system.run('apt-get', ['update', '-qq']) &&
      system.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
    const path = installed ? findBrowser(system) : null;
    if (path) return { ok: true, path };
  }
  return { ok: false, message: HOW };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outcome = ensureBrowser();
  if (!outcome.ok) {
    console.error(outcome.message);
    process.exit(1);
  }
}
