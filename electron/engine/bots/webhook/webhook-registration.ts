import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { ConnectionState } from '../../../../shared/domain/connections';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import { classifyBotApiError, grammySignal } from '../../telegram/bots/bot-api';
import { ALLOWED_UPDATES } from '../../telegram/bots/translate/update';
import { backoffDelay, type BackoffPolicy } from '../polling/backoff';
import { TOKEN_REVOKED } from '../polling/bot-poller';
import { StoppableLoop } from '../polling/stoppable-loop';

export interface WebhookRegistrationOptions {
  api: Api;
  botId: number;
  url: string;
  secret: string;
  clock: Clock;
  log: Logger;
  backoff: BackoffPolicy;
  onState(state: ConnectionState): void;
}

/**
 * Webhook mode: tells Telegram where to deliver (setWebhook, retried like polling) and then
 * accepts deliveries until stopped. One connection keeps updates in order, which is what the
 * store's redelivery check relies on.
 */
export class WebhookRegistration extends StoppableLoop {
  private registered = false;

  constructor(private readonly o: WebhookRegistrationOptions) {
    super();
    this.begin();
  }

  /** Deliveries are stored only while this is true; otherwise Telegram keeps them and retries. */
  get accepting(): boolean {
    return this.registered && !this.abort.signal.aborted;
  }

  get secret(): string {
    return this.o.secret;
  }

  protected async run(): Promise<void> {
    const { o } = this;
    const signal = this.abort.signal;
    o.onState({ status: 'connecting' });
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await o.api.setWebhook(o.url, { secret_token: o.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 1 }, grammySignal(signal));
        this.registered = true;
        return o.onState({ status: 'online' });
      } catch (error) {
        if (signal.aborted) return;
        const failure = classifyBotApiError(error);
        if (failure.kind === 'unauthorized') return o.onState({ status: 'error', reason: TOKEN_REVOKED });
        if (failure.kind === 'rejected' || failure.kind === 'conflict') {
          return o.onState({ status: 'error', reason: failure.kind === 'rejected' ? failure.reason : failure.description });
        }
        const waitMs = failure.kind === 'flood' ? failure.retryAfterSeconds * 1000 : backoffDelay(attempt, o.backoff);
        o.onState(
          failure.kind === 'flood'
            ? { status: 'flood_wait', until: o.clock.now() + waitMs }
            : { status: 'reconnecting', attempt, nextTryAt: o.clock.now() + waitMs, reason: failure.reason },
        );
        o.log.warn({ botId: o.botId, attempt, waitMs }, 'setting the bot webhook failed; retrying');
        await sleep(waitMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
