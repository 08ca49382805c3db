import { terminatedBySetWebhook } from '../updates/conflicts';
import { pollUpdates } from '../updates/long-poll';
import { WebhookDelivery } from '../updates/webhook';
import { checkSecretToken, checkWebhookUrl } from '../updates/webhook-rules';
import { Described, type Method, type MethodContext } from './context';

export const getUpdates: Method = (ctx) =>
  pollUpdates(ctx.state, {
    offset: ctx.params.int('offset') ?? 0,
    limit: Math.min(Math.max(ctx.params.int('limit') ?? 100, 1), 100),
    timeoutSeconds: Math.max(ctx.params.int('timeout') ?? 0, 0),
    allowedUpdates: ctx.params.json<string[]>('allowed_updates'),
    signal: ctx.signal,
  });

/** Remembered on setWebhook and getUpdates alike, and applied to updates from then on. */
function applyUpdateOptions(ctx: MethodContext): void {
  const allowed = ctx.params.json<string[]>('allowed_updates');
  if (allowed) ctx.state.queue.setAllowed(allowed);
  if (ctx.params.bool('drop_pending_updates')) ctx.state.queue.clear();
}

/**
 * Telegram insists on HTTPS on one of its ports; the sandbox does too, and reaches the
 * receivers on loopback only through the public addresses declared to forward to them.
 */
export const setWebhook: Method = (ctx) => {
  const url = ctx.params.string('url') ?? '';
  if (url === '') return deleteWebhook(ctx);
  checkWebhookUrl(url, ctx.publicAddresses);
  const secretToken = ctx.params.string('secret_token') || null;
  if (secretToken !== null) checkSecretToken(secretToken);
  const previous = ctx.state.webhook;
  applyUpdateOptions(ctx);
  ctx.state.poll?.terminate(terminatedBySetWebhook());
  const unchanged = previous?.config.url === url && previous.config.secretToken === secretToken;
  previous?.stop();
  ctx.state.webhook = new WebhookDelivery(
    { url, secretToken, maxConnections: ctx.params.int('max_connections') ?? 40 },
    ctx.state.queue,
    ctx.world.clock,
    ctx.webhookRetry,
    ctx.publicAddresses,
  );
  return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
};

export const deleteWebhook: Method = (ctx) => {
  applyUpdateOptions(ctx);
  const had = ctx.state.webhook !== null;
  ctx.state.webhook?.stop();
  ctx.state.webhook = null;
  return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
};

export const getWebhookInfo: Method = (ctx) =>
  ctx.state.webhook?.info() ?? { url: '', has_custom_certificate: false, pending_update_count: ctx.state.queue.size() };
