import type { Clock } from '../../../../platform/clock';
import type { PublicAddresses } from './public-addresses';
import type { UpdateQueue } from './update-queue';

export interface WebhookRetry {
  /** First wait after a failed delivery; it doubles up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetry = { firstDelayMs: 1_000, maxDelayMs: 60_000 };

export interface WebhookConfig {
  url: string;
  secretToken: string | null;
  maxConnections: number;
}

/**
 * Delivers a bot's updates to its webhook one at a time, in order, as Telegram does for one
 * connection: an update leaves the queue only on a 2xx answer; anything else is retried with
 * a growing wait and reported in getWebhookInfo.
 */
export class WebhookDelivery {
  private stopped = false;
  private running = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private readonly unsubscribe: () => void;
  private lastError: { date: number; message: string } | null = null;

  constructor(
    readonly config: WebhookConfig,
    private readonly queue: UpdateQueue,
    private readonly clock: Clock,
    private readonly retry: WebhookRetry,
    private readonly addresses: PublicAddresses,
  ) {
    this.unsubscribe = queue.onPush(() => this.kick());
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
  }

  info() {
    return {
      url: this.config.url,
      has_custom_certificate: false,
      pending_update_count: this.queue.size(),
      max_connections: this.config.maxConnections,
      ip_address: '127.0.0.1',
      ...(this.queue.allowedUpdates() ? { allowed_updates: this.queue.allowedUpdates() } : {}),
      ...(this.lastError ? { last_error_date: this.lastError.date, last_error_message: this.lastError.message } : {}),
    };
  }

  private kick(): void {
    if (this.running || this.timer || this.stopped) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const [update] = this.queue.take(1);
      if (!update) return;
      const failure = await this.post(update);
      if (this.stopped) return;
      if (failure === null) {
        this.attempt = 0;
        this.queue.confirm((update.update_id as number) + 1);
        continue;
      }
      this.lastError = { date: Math.floor(this.clock.now() / 1000), message: failure };
      const delay = Math.min(this.retry.firstDelayMs * 2 ** this.attempt++, this.retry.maxDelayMs);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, delay);
      return;
    }
  }

  /** Null when delivered; otherwise the reason, worded as getWebhookInfo words it. */
  private async post(update: Record<string, unknown>): Promise<string | null> {
    // Looked up on every attempt: a forward that went away fails like a host that no longer resolves.
    const target = this.addresses.resolve(this.config.url);
    if (target === null) return 'Failed to resolve host: Name or service not known';
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.config.secretToken ? { 'x-telegram-bot-api-secret-token': this.config.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: this.abort.signal,
      });
      await response.arrayBuffer();
      return response.ok ? null : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return code === 'ECONNREFUSED' ? 'Connection refused' : 'Connection failed';
    }
  }
}
