import { z } from 'zod';
import type { SandboxWorld } from '../../world/world';
import type { BotApiError } from '../errors';
import { UpdateQueue } from './update-queue';
import type { WebhookDelivery } from './webhook';

/** What the server keeps per bot between requests. */
export interface BotState {
  queue: UpdateQueue;
  /** The getUpdates request being held, which a newer one (or setWebhook) terminates. */
  poll: { terminate(error: BotApiError): void } | null;
  webhook: WebhookDelivery | null;
}

/**
 * The door's state that outlives a restart: each bot's unconfirmed updates and allowed_updates.
 * Webhooks are not in it: the desk sets its bots' webhooks again whenever it starts them.
 */
export const botApiSnapshotSchema = z.array(
  z.object({
    botId: z.number().int(),
    pending: z.array(z.object({ updateId: z.number().int(), type: z.string(), payload: z.unknown(), createdAt: z.number() })),
    allowed: z.array(z.string()).nullable(),
  }),
);

export type BotApiSnapshot = z.output<typeof botApiSnapshotSchema>;

export class BotStates {
  private readonly states = new Map<number, BotState>();
  private readonly restored: Map<number, BotApiSnapshot[number]>;

  constructor(
    private readonly world: SandboxWorld,
    restored: BotApiSnapshot = [],
  ) {
    this.restored = new Map(restored.map((entry) => [entry.botId, entry]));
  }

  get(botId: number): BotState {
    let state = this.states.get(botId);
    if (!state) {
      const queue = new UpdateQueue(this.world.clock, () => this.world.nextBotUpdateId(botId), this.restored.get(botId) ?? null);
      state = { queue, poll: null, webhook: null };
      this.states.set(botId, state);
    }
    return state;
  }

  /** Every bot's queue, including those restored but not touched since. */
  snapshot(): BotApiSnapshot {
    for (const botId of this.restored.keys()) this.get(botId);
    return [...this.states].map(([botId, { queue }]) => ({ botId, ...queue.snapshot() }));
  }

  closeAll(error: BotApiError): void {
    for (const state of this.states.values()) {
      state.poll?.terminate(error);
      state.webhook?.stop();
      state.webhook = null;
    }
  }
}
