import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadlessDesk, runToFailure } from './support/headless-process';

const desks: HeadlessDesk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) {
    await desk.stop();
    desk.dispose();
  }
});

function newDesk() {
  const desk = new HeadlessDesk();
  desks.push(desk);
  return desk;
}

describe('headless mode start-up', () => {
  it('refuses a non-loopback address unless told, and then warns loudly', async () => {
    const desk = newDesk();
    const refused = await runToFailure(['--data-dir', desk.dataDir, '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Refusing to listen on 0.0.0.0: headless mode only binds loopback (127.0.0.1) unless started with --allow-remote.');

    await desk.start(['--host', '0.0.0.0', '--allow-remote']);
    await desk.waitForLog('WARNING: headless mode is listening on http://0.0.0.0:');
  });

  it('refuses a damaged database with a clear message and leaves the file as it was', async () => {
    const desk = newDesk();
    // A new data folder runs the sandbox workspace, whose store lives in sandbox/.
    mkdirSync(join(desk.dataDir, 'sandbox'));
    const file = join(desk.dataDir, 'sandbox', 'desk.sqlite');
    writeFileSync(file, 'not a database at all '.repeat(500));
    const before = readFileSync(file);
    const { code, output } = await runToFailure(['--data-dir', desk.dataDir, '--port', '0']);
    expect(code).toBe(1);
    expect(output).toMatch(/cannot start: The database .*desk\.sqlite is damaged .* It was left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a replaced secret.key before writing anything, naming the file and what to do', async () => {
    const desk = newDesk();
    await desk.start();
    expect(await desk.stop()).toBe(0);
    const keyFile = join(desk.dataDir, 'secret.key');
    const otherKey = randomBytes(32).toString('base64');
    writeFileSync(keyFile, otherKey);
    const database = join(desk.dataDir, 'sandbox', 'desk.sqlite');
    const before = readFileSync(database);
    const { code, output } = await runToFailure(['--data-dir', desk.dataDir, '--port', '0']);
    expect(code).toBe(1);
    expect(output).toContain(`cannot start: The key file ${keyFile} is not the key this data folder's secrets`);
    expect(output).toContain('Restore the original secret.key from a copy');
    expect(readFileSync(keyFile, 'utf8')).toBe(otherKey);
    expect(readFileSync(database).equals(before)).toBe(true);
  });

  it('says which port is taken instead of failing obscurely', async () => {
    const first = newDesk();
    await first.start();
    const port = new URL(first.origin).port;
    const second = newDesk();
    const { code, output } = await runToFailure(['--data-dir', second.dataDir, '--port', port]);
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('stops on SIGTERM with exit code 0 and starts again on the same data', async () => {
    const desk = newDesk();
    await desk.start();
    expect(await desk.stop()).toBe(0);
    await desk.start();
    expect(desk.log).toContain('database ready');
  });
});
