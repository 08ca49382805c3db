import { createHash, randomBytes } from 'node:crypto';

/** A secret handed out once (a session cookie, an invite link): 32 random bytes. Only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret token; a plain hash is enough for 256 random bits. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A public id that names a row without being a secret (`operator:…`, a session's id). */
export function newPublicId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('base64url')}`;
}
