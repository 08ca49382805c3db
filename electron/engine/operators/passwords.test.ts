import { describe, expect, it } from 'vitest';
import { DECOY_HASH, hashPassword, verifyPassword, weakPasswordMessage } from './passwords';

describe('passwords', () => {
  it('stores a salted scrypt hash that says its own cost, and verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse');
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('matches nothing against a malformed hash or the decoy', async () => {
    expect(await verifyPassword('anything at all', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything at all', 'scrypt$32768$8$1$$')).toBe(false);
    expect(await verifyPassword('', DECOY_HASH)).toBe(false);
    expect(await verifyPassword('AAAAAAAAAA', DECOY_HASH)).toBe(false);
  });

  it('refuses passwords under ten characters, counting letters rather than bytes', () => {
    expect(weakPasswordMessage('short')).toBe('The password must be at least 10 characters long (this one has 5).');
    expect(weakPasswordMessage('пароль123')).toBe('The password must be at least 10 characters long (this one has 9).');
    expect(weakPasswordMessage('пароль1234')).toBeNull();
  });
});
