import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret Telegram sends back in `X-Telegram-Bot-Api-Secret-Token`. Derived from the token,
 * so nothing more is stored and it changes when the token does; only [A-Za-z0-9_-] allowed.
 */
export function webhookSecret(token: string): string {
  return createHmac('sha256', token).update('telegram-operator-desk/webhook-secret').digest('base64url');
}

export function secretMatches(expected: string, given: string | null | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}
