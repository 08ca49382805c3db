import type { Update } from 'grammy/types';

export interface WebhookResponse {
  status: number;
  body: { ok: true } | { error: string };
}

/** The parts of a bot's running webhook the handler needs. */
export interface WebhookTarget {
  accepting: boolean;
  secret: string;
}

/**
 * Reads a delivery's body: one Update object. Anything else is a 400 with the reason, which
 * Telegram shows in getWebhookInfo's last_error_message.
 */
export function parseWebhookBody(body: string | Buffer): { update: Update } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString());
  } catch (error) {
    return { error: `The body is not valid JSON (${(error as Error).message}).` };
  }
  const updateId = (value as { update_id?: unknown } | null)?.update_id;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Number.isSafeInteger(updateId)) {
    return { error: 'The body is not a Telegram update (an object with an integer update_id).' };
  }
  return { update: value as Update };
}

/** The local HTTP server's route for one bot's deliveries; the public address forwards to it. */
export const WEBHOOK_ROUTE = /^\/telegram\/bots\/(\d+)\/webhook$/;
export const webhookPath = (botId: number) => `/telegram/bots/${botId}/webhook`;

export const NOT_ACCEPTING: WebhookResponse = {
  // Telegram keeps the update and tries again later, so a stopped bot loses nothing.
  status: 503,
  body: { error: 'This bot is not receiving webhook updates right now (stopped, or in polling mode).' },
};
