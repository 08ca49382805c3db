import type { Clock } from '../../../../platform/clock';
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

export class BotStates {
  private readonly states = new Map<number, BotState>();

  constructor(private readonly clock: Clock) {}

  get(botId: number): BotState {
    let state = this.states.get(botId);
    if (!state) {
      state = { queue: new UpdateQueue(this.clock), poll: null, webhook: null };
      this.states.set(botId, state);
    }
    return state;
  }

  closeAll(error: BotApiError): void {
    for (const state of this.states.values()) {
      state.poll?.terminate(error);
      state.webhook?.stop();
      state.webhook = null;
    }
  }
}
