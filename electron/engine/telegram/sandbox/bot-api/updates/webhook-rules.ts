import { badRequest } from '../errors';
import type { PublicAddresses } from './public-addresses';

/** Ports Telegram delivers webhooks to (Bot API, setWebhook notes). */
export const WEBHOOK_PORTS = [443, 80, 88, 8443] as const;
const LONGEST_SECRET_TOKEN = 256;

/** What setWebhook refuses, worded as Telegram words it. */
export function checkWebhookUrl(url: string, addresses: PublicAddresses): void {
  if (!URL.canParse(url)) throw badRequest('invalid webhook URL specified');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const port = parsed.port === '' ? 443 : Number(parsed.port);
  if (!(WEBHOOK_PORTS as readonly number[]).includes(port)) throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  if (!addresses.knowsHost(parsed)) throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
}

/** 1-256 characters of A-Z, a-z, 0-9, _ and -; an empty one means no secret. */
export function checkSecretToken(secretToken: string): void {
  if (secretToken.length > LONGEST_SECRET_TOKEN) throw badRequest('secret token is too long');
  if (!/^[A-Za-z0-9_-]*$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
}
