import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import type { SecretKeyProvider } from './secret-key';

const tempDir = useTempDirs();

/** Every file under `dir` with a hash of its bytes: equal snapshots mean nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** A data folder whose database holds encrypted secrets (an api hash, the local API token), left as a stopped engine leaves it. */
async function folderWithSecrets(): Promise<{ dir: string; token: string }> {
  const dir = tempDir();
  const { engine } = testEngine(dir);
  await engine.start();
  expect(await engine.dispatch('accounts.setDefaultApi', { apiId: 12345, apiHash: '0123456789abcdef0123456789abcdef' })).toMatchObject({ ok: true });
  const token = (await engine.dispatch('system.httpApi', {})) as { ok: true; value: { token: string } };
  await engine.stop();
  return { dir, token: token.value.token };
}

/** The window's provider as the engine sees it: a key the system keychain guards, in another folder. */
function keychainProvider(keyDir: string): SecretKeyProvider {
  const file = join(keyDir, 'secret.key.enc');
  let key: Buffer | null = null;
  return {
    location: file,
    holder: 'keychain',
    load: () => Promise.resolve(key),
    create: () => Promise.resolve((key = randomBytes(32))),
  };
}

describe('the secret key check', () => {
  it('refuses a different secret.key before anything is written, naming the file and what to do', async () => {
    const { dir } = await folderWithSecrets();
    const keyFile = join(dir, 'secret.key');
    writeFileSync(keyFile, randomBytes(32).toString('base64'));
    const before = snapshot(dir);

    const { engine } = testEngine(dir);
    const refusal = engine.start();
    await expect(refusal).rejects.toThrow(keyFile);
    await expect(refusal).rejects.toThrow(/is not the key .* restore .*secret\.key.* from a copy/i);
    expect(engine.running).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a missing secret.key on a folder that holds encrypted data, and never makes a new one', async () => {
    const { dir } = await folderWithSecrets();
    const keyFile = join(dir, 'secret.key');
    rmSync(keyFile);
    const before = snapshot(dir);

    const { engine } = testEngine(dir);
    const refusal = engine.start();
    await expect(refusal).rejects.toThrow(keyFile);
    await expect(refusal).rejects.toThrow(/is missing.*restore it from a copy/i);
    expect(existsSync(keyFile)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('checks a database saved before key checks existed by its secrets, then records the check', async () => {
    const { dir, token } = await folderWithSecrets();
    const dbFile = join(dir, 'sandbox', 'desk.sqlite');
    const db = new Database(dbFile);
    db.prepare("DELETE FROM meta WHERE key = 'secret_key_check'").run();
    db.close();
    const keyFile = join(dir, 'secret.key');
    const rightKey = readFileSync(keyFile);

    writeFileSync(keyFile, randomBytes(32).toString('base64'));
    const before = snapshot(dir);
    await expect(testEngine(dir).engine.start()).rejects.toThrow(/is not the key/);
    expect(snapshot(dir)).toEqual(before);

    writeFileSync(keyFile, rightKey);
    const { engine } = testEngine(dir);
    await engine.start();
    expect(await engine.dispatch('system.httpApi', {})).toMatchObject({ ok: true, value: { token } });
    expect(engine.db.prepare("SELECT value FROM meta WHERE key = 'secret_key_check'").pluck().get()).toMatch(/"holder":"file"/);
    await engine.stop();
  });

  it('refuses a different key for a database a crash left with its WAL, and keeps the WAL as it was', async () => {
    const { dir } = await folderWithSecrets();
    const running = testEngine(dir).engine;
    await running.start();
    const crashed = tempDir();
    cpSync(dir, crashed, { recursive: true }); // the files as kill -9 would leave them
    await running.stop();
    expect(existsSync(join(crashed, 'sandbox', 'desk.sqlite-wal'))).toBe(true);
    writeFileSync(join(crashed, 'secret.key'), randomBytes(32).toString('base64'));
    const before = snapshot(crashed);
    await expect(testEngine(crashed).engine.start()).rejects.toThrow(/is not the key/);
    expect(snapshot(crashed)).toEqual(before);
  });

  it('keeps one key for both workspaces: a new key is not made while the other workspace holds secrets', async () => {
    const { dir } = await folderWithSecrets(); // the sandbox holds the secret
    rmSync(join(dir, 'secret.key'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ workspace: 'telegram' }));
    await expect(testEngine(dir).engine.start()).rejects.toThrow(/is missing/);
    expect(existsSync(join(dir, 'desk.sqlite'))).toBe(false);
  });

  it('headless mode refuses a folder whose key the window keeps in the system keychain, and says how to proceed', async () => {
    const dir = tempDir();
    const window = testEngine(dir, { secretKeys: keychainProvider(tempDir()) }).engine;
    await window.start();
    await window.stop();
    const before = snapshot(dir);

    const headless = testEngine(dir).engine;
    const refusal = headless.start();
    await expect(refusal).rejects.toThrow(/desktop app.*system keychain/);
    await expect(refusal).rejects.toThrow(/open this folder with the desktop app, or start headless mode with another --data-dir/i);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the window refuses a folder headless mode set up, and says how to proceed', async () => {
    const dir = tempDir();
    const headless = testEngine(dir).engine;
    await headless.start();
    await headless.stop();

    const window = testEngine(dir, { secretKeys: keychainProvider(tempDir()) }).engine;
    const refusal = window.start();
    await expect(refusal).rejects.toThrow(join(dir, 'secret.key'));
    await expect(refusal).rejects.toThrow(/set up by headless mode.*open it with headless mode.*or move that folder elsewhere/i);
  });

  it('a fresh folder gets a new private key and its check', async () => {
    const dir = tempDir();
    const { engine } = testEngine(dir);
    await engine.start();
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(engine.db.prepare("SELECT value FROM meta WHERE key = 'secret_key_check'").pluck().get()).toBeTypeOf('string');
    const key = engine.secretKey;
    await engine.stop();
    const again = testEngine(dir).engine;
    await again.start();
    expect(again.secretKey).toEqual(key);
    await again.stop();
  });
});
