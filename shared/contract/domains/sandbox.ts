import { z } from 'zod';
import { call, confirmed, domain } from '../define';
import { SANDBOX_ACTIONS, type SandboxFeedItem, type SandboxStatus } from '../../domain/sandbox';

export const sandbox = domain({
  status: call(z.object({}).strict()).returns<SandboxStatus>(),
  /** The operator acts as a simulated person. */
  act: call(
    z
      .object({
        personId: z.number().int().positive(),
        action: z.enum(SANDBOX_ACTIONS),
        /** The account, bot, channel or group acted on; defaults to the first of the right kind. */
        targetId: z.number().int().positive().optional(),
        text: z.string().trim().min(1, 'must not be empty').max(4096, 'is longer than Telegram allows (4096)').optional(),
      })
      .strict(),
  ).returns<SandboxFeedItem>(),
  /** A crowd of simulated people writes `count` messages in one call (load for benchmarks). */
  crowdWrite: call(
    z
      .object({
        targetId: z.number().int().positive().optional(),
        count: z.number().int().min(1).max(5000),
        senders: z.number().int().min(1).max(5000),
        text: z.string().trim().min(1, 'must not be empty').max(4000, 'is longer than Telegram allows'),
      })
      .strict(),
  ).returns<{ written: number }>(),
  setAutoActivity: call(
    z.object({ enabled: z.boolean(), everySeconds: z.number().int().min(1).max(3600).default(5) }).strict(),
  ).returns<SandboxStatus['autoActivity']>(),
  /**
   * A private chat between a person and a sandbox account is read up to its newest message:
   * by the person (the desk shows the account's messages as read) or by the account on another
   * device, as on its phone (the desk's unread count follows).
   */
  readChat: call(
    z.object({ personId: z.number().int().positive(), targetId: z.number().int().positive(), reader: z.enum(['person', 'account']) }).strict(),
  ).returns<{ read: true }>(),
  /** Telegram ends every session of a sandbox account (as "terminate all sessions" does). */
  revokeSessions: call(z.object({ targetId: z.number().int().positive() }).strict()).returns<{ revoked: number }>(),
  /** Telegram makes a sandbox account wait before it may send again (FLOOD_WAIT_X). */
  imposeFloodWait: call(z.object({ targetId: z.number().int().positive(), seconds: z.number().int().min(1).max(3600) }).strict()).returns<{ until: number }>(),
  /** Telegram limits a sandbox account for spam: its sends answer PEER_FLOOD for a while. */
  imposePeerFlood: call(z.object({ targetId: z.number().int().positive(), seconds: z.number().int().min(1).max(172_800) }).strict()).returns<{ until: number }>(),
  /** Throws the simulated world and the sandbox's data away and starts fresh. */
  reset: call(z.object({ confirm: confirmed }).strict()).returns<{ reset: true }>(),
}).events<{
  activity: { items: SandboxFeedItem[] };
}>();
