import type { Database } from 'better-sqlite3';
import { OUTBOX_ACTIONS, type DailyCapView, type OutboxAction } from '../../../shared/domain/outbox';

/**
 * A personal account's sends per kind of action per day. Operator replies are a person talking,
 * so they have no cap; bulk kinds stay under what Telegram tolerates from a young account
 * (folklore from the tools that do this: about 40–50 invites, 50 contact imports and a hundred
 * messages to strangers a day before PEER_FLOOD becomes likely).
 */
export const DEFAULT_DAILY_CAPS: Readonly<Record<OutboxAction, number | null>> = {
  reply: null,
  campaign_message: 100,
  invite: 40,
  contact_import: 50,
  // Reading a membership changes nothing Telegram counts against an account.
  check: null,
};

const NOUNS: Record<OutboxAction, string> = {
  reply: 'replies',
  campaign_message: 'campaign messages',
  invite: 'invites',
  contact_import: 'contact imports',
  check: 'membership checks',
};

/**
 * The calendar day in local time, not a rolling 24 h: the operator plans "40 invites a day"
 * and reads "continues at 00:00", and a rolling window would let held items trickle out all
 * day at the times yesterday's went, which is both harder to explain and more machine-like.
 */
export function dayWindow(now: number): { start: number; end: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

export function capReason(action: OutboxAction, cap: number): string {
  return `Daily limit of ${cap} ${NOUNS[action]} reached; continues at 00:00.`;
}

/** Each kind's cap for this account: its own where set, else the default. */
export function accountCaps(db: Database, accountId: number): Map<OutboxAction, { cap: number | null; isDefault: boolean }> {
  const own = new Map(
    (db.prepare('SELECT action, cap FROM outbox_daily_caps WHERE account_id = ?').all(accountId) as { action: OutboxAction; cap: number | null }[]).map((r) => [r.action, r.cap]),
  );
  return new Map(OUTBOX_ACTIONS.map((action) => [action, own.has(action) ? { cap: own.get(action)!, isDefault: false } : { cap: DEFAULT_DAILY_CAPS[action], isDefault: true }]));
}

/** `cap` undefined goes back to the default; null means no cap. */
export function writeCap(db: Database, accountId: number, action: OutboxAction, cap: number | null | undefined): void {
  if (cap === undefined) db.prepare('DELETE FROM outbox_daily_caps WHERE account_id = ? AND action = ?').run(accountId, action);
  else db.prepare('INSERT INTO outbox_daily_caps (account_id, action, cap) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET cap = excluded.cap').run(accountId, action, cap);
}

/** Sends of this kind that count against today: sent since the day began, and the one in flight. */
export function usedToday(db: Database, accountId: number, action: OutboxAction, dayStart: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM outbox WHERE sender_kind = 'account' AND sender_id = ? AND action = ?
         AND (state = 'sending' OR (state = 'sent' AND updated_at >= ?))`,
    )
    .pluck()
    .get(accountId, action, dayStart) as number;
}

export function capViews(db: Database, accountId: number, now: number): DailyCapView[] {
  const { start } = dayWindow(now);
  return [...accountCaps(db, accountId)].map(([action, { cap, isDefault }]) => ({ action, cap, isDefault, sentToday: usedToday(db, accountId, action, start) }));
}

/**
 * What one look at a lane knows about today's caps: each kind's count is read once, then kept
 * up to date as the lane starts sends, so a long queue costs one query per kind.
 */
export function dailyCapGate(db: Database, accountId: number, now: number) {
  const { start, end } = dayWindow(now);
  const caps = accountCaps(db, accountId);
  const used = new Map<OutboxAction, number>();
  const usedOf = (action: OutboxAction) => {
    if (!used.has(action)) used.set(action, usedToday(db, accountId, action, start));
    return used.get(action)!;
  };
  return {
    /** Until when and why a send of this kind must wait, or null while today's cap has room. */
    held(action: OutboxAction): { until: number; reason: string } | null {
      const cap = caps.get(action)?.cap ?? null;
      if (cap === null || usedOf(action) < cap) return null;
      return { until: end, reason: capReason(action, cap) };
    },
    book(action: OutboxAction): void {
      used.set(action, usedOf(action) + 1);
    },
  };
}
