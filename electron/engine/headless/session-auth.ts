import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'desk_session';

/**
 * Headless mode's door: a login link carries a one-time token; presenting it once trades it
 * for a session cookie (HttpOnly, SameSite=Strict) and the token is spent. A new link can be
 * issued at the terminal at any time.
 */
export function createSessionAuth() {
  const pendingTokens = new Set<string>();
  const sessions = new Set<string>();

  const newSecret = () => randomBytes(32).toString('base64url');

  return {
    issueToken(): string {
      const token = newSecret();
      pendingTokens.add(token);
      return token;
    },
    /** Spends a token; returns a new session id, or null when the token is unknown or used. */
    redeem(token: string): string | null {
      for (const candidate of pendingTokens) {
        if (sameSecret(candidate, token)) {
          pendingTokens.delete(candidate);
          const session = newSecret();
          sessions.add(session);
          return session;
        }
      }
      return null;
    },
    isSignedIn(request: IncomingMessage): boolean {
      const session = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (!session) return false;
      for (const known of sessions) if (sameSecret(known, session)) return true;
      return false;
    },
    cookieFor(session: string): string {
      return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}

export type SessionAuth = ReturnType<typeof createSessionAuth>;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** One cookie's value from a Cookie header; null when absent. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
