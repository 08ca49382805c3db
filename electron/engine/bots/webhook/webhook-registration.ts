import type { Api } from 'grammy';
import type { WebhookInfo } from 'grammy/types';
import type { WebhookHealth } from '../../../../shared/domain/bot-endpoints';
import type { ConnectionState } from '../../../../shared/domain/connections';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import { classifyBotApiError, grammySignal } from '../../telegram/bots/bot-api';
import { ALLOWED_UPDATES } from '../../telegram/bots/translate/update';
import { backoffDelay, type BackoffOptions } from '../../platform/backoff';
import { TOKEN_REVOKED } from '../polling/bot-poller';
import { StoppableLoop } from '../polling/stoppable-loop';

export interface WebhookRegistrationOptions {
  api: Api;
  botId: number;
  url: string;
  secret: string;
  clock: Clock;
  log: Logger;
  backoff: BackoffOptions;
  /** How often getWebhookInfo is asked whether deliveries work. */
  checkEveryMs: number;
  onState(state: ConnectionState): void;
  onHealth(health: WebhookHealth): void;
}

export const DEFAULT_WEBHOOK_CHECK_MS = 30_000;
/** While deliveries work but updates still wait at Telegram, the count shown is refreshed sooner. */
const PENDING_RECHECK_MS = 5_000;

/**
 * Webhook mode: tells Telegram where to deliver (setWebhook, retried like polling), then asks
 * getWebhookInfo every so often: the bot is online only while Telegram's deliveries reach the
 * desk. One connection keeps updates in order, which is what the store's redelivery check relies on.
 */
export class WebhookRegistration extends StoppableLoop {
  private registered = false;
  private lastDeliveryAt = 0;
  private failing = false;

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

  /** A delivery was stored: deliveries work, whatever the last error Telegram remembers. */
  delivered(): void {
    this.lastDeliveryAt = this.o.clock.now();
    // Deliveries work again: check now rather than at the end of the wait.
    if (this.failing) this.retryNow();
  }

  protected async run(): Promise<void> {
    this.o.onState({ status: 'connecting' });
    while (!this.abort.signal.aborted) {
      if (!(await this.register())) return;
      if (!(await this.watch())) return;
    }
  }

  /** setWebhook until it is accepted; false when it cannot be (the state says why) or on stop. */
  private async register(): Promise<boolean> {
    const { o } = this;
    const signal = this.abort.signal;
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await o.api.setWebhook(o.url, { secret_token: o.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 1 }, grammySignal(signal));
        this.registered = true;
        return true;
      } catch (error) {
        if (signal.aborted) return false;
        const waitMs = this.failed(error, attempt);
        if (waitMs === null) return false;
        o.log.warn({ botId: o.botId, attempt, waitMs }, 'setting the bot webhook failed; retrying');
        await this.waitBeforeNextTry(waitMs);
      }
    }
    return false;
  }

  /** getWebhookInfo at intervals; true when the webhook must be set again (it was replaced). */
  private async watch(): Promise<boolean> {
    const { o } = this;
    const signal = this.abort.signal;
    for (let attempt = 1; !signal.aborted; ) {
      let waitMs: number | null = o.checkEveryMs;
      try {
        const info = await o.api.getWebhookInfo(grammySignal(signal));
        o.onHealth(this.health(info));
        if (info.url !== o.url) {
          o.log.warn({ botId: o.botId }, 'the bot webhook points elsewhere (changed by another program); setting it again');
          return true;
        }
        this.failing = info.pending_update_count > 0 && info.last_error_date !== undefined && info.last_error_date * 1000 > this.lastDeliveryAt;
        attempt = this.failing ? attempt + 1 : 1;
        if (!this.failing && info.pending_update_count > 0) waitMs = Math.min(waitMs, PENDING_RECHECK_MS);
        o.onState(
          this.failing
            ? { status: 'reconnecting', attempt: attempt - 1, nextTryAt: o.clock.now() + waitMs, reason: `Telegram cannot deliver updates: ${info.last_error_message ?? 'no reason given'}` }
            : { status: 'online' },
        );
      } catch (error) {
        if (signal.aborted) return false;
        waitMs = this.failed(error, attempt++);
        if (waitMs === null) return false;
      }
      await this.waitBeforeNextTry(waitMs);
    }
    return false;
  }

  /** Shows a failed call; the wait before the next try, or null when trying again cannot help. */
  private failed(error: unknown, attempt: number): number | null {
    const { o } = this;
    const failure = classifyBotApiError(error);
    if (failure.kind === 'unauthorized') {
      o.onState({ status: 'error', reason: TOKEN_REVOKED });
      return null;
    }
    if (failure.kind === 'rejected' || failure.kind === 'conflict') {
      o.onState({ status: 'error', reason: failure.kind === 'rejected' ? failure.reason : failure.description });
      return null;
    }
    const waitMs = failure.kind === 'flood' ? failure.retryAfterSeconds * 1000 : backoffDelay(attempt, o.backoff);
    o.onState(
      failure.kind === 'flood'
        ? { status: 'flood_wait', until: o.clock.now() + waitMs }
        : { status: 'reconnecting', attempt, nextTryAt: o.clock.now() + waitMs, reason: failure.reason },
    );
    return waitMs;
  }

  private health(info: WebhookInfo): WebhookHealth {
    return {
      url: info.url ?? '',
      pendingUpdateCount: info.pending_update_count,
      lastErrorAt: info.last_error_date === undefined ? null : info.last_error_date * 1000,
      lastErrorMessage: info.last_error_message ?? null,
      checkedAt: this.o.clock.now(),
    };
  }
}
