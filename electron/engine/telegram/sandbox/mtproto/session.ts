import type { Uploads } from './files';
import type { SrpChallenge } from './srp';

/** What the server keeps per auth key: who it is signed in as, and its unfinished uploads. */
export interface Session {
  readonly key: string;
  userId: number | null;
  /** The code was right but the account has 2FA: only the password check is open. */
  passwordPendingUserId: number | null;
  revoked: boolean;
  srp: SrpChallenge | null;
  readonly uploads: Uploads;
}

export function newSession(key: string): Session {
  return { key, userId: null, passwordPendingUserId: null, revoked: false, srp: null, uploads: new Map() };
}
