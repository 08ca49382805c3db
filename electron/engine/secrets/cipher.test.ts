import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { decryptSecret, encryptSecret } from './cipher';
import { fileSecretKeyProvider } from './secret-key';

const tempDir = useTempDirs();

describe('secrets at rest', () => {
  it('round-trips and never stores the plain text', async () => {
    const key = await fileSecretKeyProvider(join(tempDir(), 'k')).create();
    const stored = encryptSecret(key, 'session-абв-123');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('session');
    expect(encryptSecret(key, 'same')).not.toBe(encryptSecret(key, 'same'));
    expect(decryptSecret(key, stored)).toBe('session-абв-123');
  });

  it('fails loudly with the wrong key or an altered value', async () => {
    const dir = tempDir();
    const key = await fileSecretKeyProvider(join(dir, 'a')).create();
    const other = await fileSecretKeyProvider(join(dir, 'b')).create();
    const stored = encryptSecret(key, 'secret');
    expect(() => decryptSecret(other, stored)).toThrow(/could not be decrypted/);
    const altered = `v1:${Buffer.from(Buffer.from(stored.slice(3), 'base64').map((b, i) => (i === 30 ? b ^ 1 : b))).toString('base64')}`;
    expect(() => decryptSecret(key, altered)).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(key, 'v9:abc')).toThrow(/not in a format/);
  });

  it('keeps the headless key file private and stable across restarts', async () => {
    const path = join(tempDir(), 'secret.key');
    const first = await fileSecretKeyProvider(path).create();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await fileSecretKeyProvider(path).load()).toEqual(first);
  });
});
