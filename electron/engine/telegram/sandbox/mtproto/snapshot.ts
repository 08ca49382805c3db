import { z } from 'zod';

const int = z.number().int();

/**
 * What the MTProto door keeps across restarts, as Telegram's servers do: the key that signs
 * exported sessions (so they stay valid), sessions ended since, each account's and channel's
 * pts (so it keeps growing), and how far each person has read each conversation.
 */
export const mtprotoSnapshotSchema = z.object({
  sessionSecret: z.string().min(1),
  revokedSessions: z.array(z.string()),
  accountPts: z.array(z.tuple([int, int])),
  channelPts: z.array(z.tuple([int, int])),
  /** `${userId}|${conversationKey}` → the newest message uid read. */
  readUpTo: z.array(z.tuple([z.string(), int])),
});

export type MtprotoSnapshot = z.output<typeof mtprotoSnapshotSchema>;
export type HubSnapshot = Pick<MtprotoSnapshot, 'accountPts' | 'channelPts' | 'readUpTo'>;
