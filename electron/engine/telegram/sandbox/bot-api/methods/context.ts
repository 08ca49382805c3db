import type { SandboxWorld } from '../../world/world';
import type { SandboxBot } from '../../world/types';
import type { Params } from '../http/params';
import type { RateLimiter } from '../limits/rate-limiter';
import type { BotState } from '../updates/bot-state';
import type { PublicAddresses } from '../updates/public-addresses';
import type { WebhookRetry } from '../updates/webhook';

export interface MethodContext {
  world: SandboxWorld;
  bot: SandboxBot;
  state: BotState;
  params: Params;
  limiter: RateLimiter;
  webhookRetry: WebhookRetry;
  /** Where webhook deliveries can reach (see PublicAddresses). */
  publicAddresses: PublicAddresses;
  /** What this server lets a bot upload and download (the cloud's, or a local server's). */
  fileLimits: FileLimits;
  /** Aborted when the client disconnects (a held getUpdates stops waiting). */
  signal: AbortSignal;
}

export interface FileLimits {
  uploadBytes: number;
  downloadBytes: number;
}

/** Some answers carry a description next to the result ("Webhook was set"). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

export type Method = (ctx: MethodContext) => unknown;
