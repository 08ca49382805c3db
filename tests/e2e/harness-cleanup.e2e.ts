import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { openSignedInDesk } from './support/browser';
import { spawnedHeadlessPids } from './support/headless-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves once `pid` (not our child, so no exit event reaches us) has exited. */
function exited(pid: number): Promise<void> {
  return vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 30_000, interval: 50 });
}

describe('test harness cleanup', () => {
  it('stops headless mode when Chromium cannot start', async () => {
    const before = new Set(spawnedHeadlessPids());
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(openSignedInDesk()).rejects.toThrow();
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    const started = spawnedHeadlessPids().filter((pid) => !before.has(pid));
    expect(started).toHaveLength(1);
    expect(alive(started[0]!)).toBe(false);
  });

  it('headless mode started by a runner dies with the runner, even a runner killed with SIGKILL', async () => {
    const harness = pathToFileURL(resolve('tests/e2e/support/headless-process.ts')).href;
    const runner = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { HeadlessDesk } from '${harness}'; const desk = new HeadlessDesk(); await desk.start(); console.log('PID', desk.pid); setInterval(() => {}, 60_000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = await new Promise<number>((resolvePid, reject) => {
      let out = '';
      runner.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /PID (\d+)/.exec(out);
        if (match) resolvePid(Number(match[1]));
      });
      runner.once('exit', (code) => reject(new Error(`runner exited with ${code}: ${out}`)));
    });
    expect(alive(pid)).toBe(true);
    runner.kill('SIGKILL');
    await exited(pid);
    expect(alive(pid)).toBe(false);
  });
});
