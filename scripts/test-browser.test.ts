import { describe, expect, it } from 'vitest';
import { ensureBrowser, findBrowser, type BrowserSystem } from './test-browser.mjs';

/** A machine described by what exists on it; records what it was asked to run. */
function machine(overrides: Partial<BrowserSystem> & { files?: string[] } = {}) {
  const files = new Set(overrides.files ?? []);
  const ran: string[] = [];
  const system: BrowserSystem = {
    env: {},
    isFile: (path) => files.has(path),
    onPath: (name) => (files.has(`/usr/local/bin/${name}`) ? `/usr/local/bin/${name}` : null),
    isRoot: false,
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (args.includes('install')) files.add('/usr/bin/chromium');
      return true;
    },
    ...overrides,
  };
  return { system, ran };
}

describe('the browser for the end-to-end tests', () => {
  it('uses CHROMIUM_PATH first, then /usr/bin/chromium, chromium on the PATH, then Google Chrome', () => {
    expect(findBrowser(machine({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, files: ['/opt/c/chrome', '/usr/bin/chromium'] }).system)).toBe('/opt/c/chrome');
    expect(findBrowser(machine({ files: ['/usr/bin/chromium', '/usr/local/bin/chromium'] }).system)).toBe('/usr/bin/chromium');
    expect(findBrowser(machine({ files: ['/usr/local/bin/chromium', '/usr/local/bin/google-chrome'] }).system)).toBe('/usr/local/bin/chromium');
    expect(findBrowser(machine({ files: ['/usr/local/bin/google-chrome'] }).system)).toBe('/usr/local/bin/google-chrome');
    expect(findBrowser(machine().system)).toBeNull();
  });

  it('refuses a CHROMIUM_PATH that names no file, instead of silently using another browser', () => {
    const { system } = machine({ env: { CHROMIUM_PATH: '/nowhere/chromium' }, files: ['/usr/bin/chromium'] });
    expect(ensureBrowser(system)).toEqual({ ok: false, message: 'CHROMIUM_PATH is /nowhere/chromium, but there is no such file: point it at a Chromium or Chrome binary, or unset it.' });
  });

  it("installs Debian's chromium when none is found and it runs as root with apt", () => {
    const { system, ran } = machine({ isRoot: true, onPath: (name) => (name === 'apt-get' ? '/usr/bin/apt-get' : null) });
    expect(ensureBrowser(system)).toEqual({ ok: true, path: '/usr/bin/chromium' });
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core']);
  });

  it('otherwise fails with one line saying how', () => {
    for (const system of [machine().system, machine({ isRoot: true }).system]) {
      const outcome = ensureBrowser(system);
      expect(outcome).toEqual({ ok: false, message: expect.stringContaining('apt-get install chromium') });
      expect(outcome.ok === false && outcome.message.split('\n')).toHaveLength(1);
      expect(outcome.ok === false && outcome.message).toContain('CHROMIUM_PATH');
    }
  });
});
