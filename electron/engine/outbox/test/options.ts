import type { OutboxOptions } from '../outbox';
import type { AccountPacing } from '../policy';

/** Sends as fast as the sender allows, so tests about other things need not move the clock for pacing. */
export const NO_PACING: AccountPacing = { operator: { minMs: 0, maxMs: 0 }, bulk: { minMs: 0, maxMs: 0, pauseAfter: 1_000, pauseMs: 0 } };

export interface CrashDeskConfig {
  dbPath: string;
  backupsDir: string;
  botToken: string;
  apiRoot: string;
}

/** The same policy before and after the crash: no human pacing, the bot limits the sandbox is given. */
export const CRASH_OPTIONS: OutboxOptions = {
  accountPacing: NO_PACING,
  botLimits: {
    perBot: { count: 3_000, windowMs: 1_000 },
    perPrivateChat: { count: 300, windowMs: 3_000 },
    perGroup: { count: 2_000, windowMs: 60_000 },
    concurrency: 4,
  },
};
