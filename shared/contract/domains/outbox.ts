import { z } from 'zod';
import { call, domain } from '../define';
import { MAX_DAILY_CAP, OUTBOX_ACTIONS, type BenchView, type DailyCapView } from '../../domain/outbox';

const accountId = z.number().int().positive();

export const outbox = domain({
  /** Personal accounts Telegram benched with PEER_FLOOD, with how much each holds back. */
  benches: call(z.object({}).strict()).returns<{ benches: BenchView[] }>(),
  /** Lifts a bench before its cool-down ends; the account's queue resumes at once. */
  unbench: call(z.object({ accountId }).strict()).returns<{ lifted: BenchView }>(),
  dailyCaps: call(z.object({ accountId }).strict()).returns<{ caps: DailyCapView[] }>(),
  /** A number caps the kind per day, null removes the cap, 'default' goes back to the desk's default. */
  setDailyCap: call(
    z
      .object({
        accountId,
        action: z.enum(OUTBOX_ACTIONS),
        cap: z.union([z.number().int().min(0).max(MAX_DAILY_CAP, `must be at most ${MAX_DAILY_CAP}`), z.null(), z.literal('default')]),
      })
      .strict(),
  ).returns<{ caps: DailyCapView[] }>(),
}).events<{
  /** An account was benched, what it holds back changed, or the bench was lifted (null). */
  benchChanged: { accountId: number; bench: BenchView | null };
}>();
