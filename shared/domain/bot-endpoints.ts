/**
 * Where a bot meets Telegram: the public HTTPS address Telegram delivers webhooks to (it
 * forwards to the desk's local HTTP server), and an optional Bot API server of the operator's
 * own (a local `telegram-bot-api`, for big files) instead of api.telegram.org.
 */

/** Ports Telegram delivers webhooks to (Bot API, setWebhook). */
export const WEBHOOK_PORTS = [443, 80, 88, 8443] as const;

/** What the Settings page shows and edits; null when not set. */
export interface BotEndpoints {
  /** e.g. https://desk.example.org — a reverse proxy or tunnel that forwards to `localWebhookBase`. */
  webhookBaseUrl: string | null;
  /** The app-wide Bot API server; null means Telegram's own (or the sandbox's, in the sandbox). */
  apiServer: string | null;
  /** Where the desk receives deliveries (the local HTTP server); null while HTTP intake is off. */
  localWebhookBase: string | null;
}

/** What Telegram last said about a webhook bot's deliveries (getWebhookInfo). */
export interface WebhookHealth {
  url: string;
  pendingUpdateCount: number;
  /** Epoch milliseconds of the most recent failed delivery, if any. */
  lastErrorAt: number | null;
  lastErrorMessage: string | null;
  checkedAt: number;
}

/** File sizes a bot may send and fetch through its Bot API server (null: no limit). */
export interface BotFileLimits {
  uploadBytes: number;
  downloadBytes: number | null;
}

const MB = 1024 * 1024;
/** api.telegram.org: 50 MB up, 20 MB down. A local Bot API server: 2,000 MB up, no limit down. */
export const CLOUD_BOT_FILE_LIMITS: BotFileLimits = { uploadBytes: 50 * MB, downloadBytes: 20 * MB };
export const OWN_SERVER_BOT_FILE_LIMITS: BotFileLimits = { uploadBytes: 2000 * MB, downloadBytes: null };

/** The same address spelled one way: no trailing slash. */
export function trimUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Why a public webhook address would be refused by Telegram, in words for the operator; null if fine. */
export function webhookBaseProblem(text: string): string | null {
  if (!URL.canParse(text)) return 'is not a web address (e.g. https://desk.example.org)';
  const url = new URL(text);
  if (url.protocol !== 'https:') return 'must start with https:// — Telegram delivers webhooks over HTTPS only';
  const port = url.port === '' ? 443 : Number(url.port);
  if (!(WEBHOOK_PORTS as readonly number[]).includes(port)) return `uses port ${port}; Telegram delivers only to ports 443, 80, 88 and 8443`;
  if (url.search || url.hash) return 'must not carry a query or a fragment (?… or #…); deliveries are checked by each bot\'s secret header';
  if (url.username || url.password) return 'must not carry a user name or password';
  return null;
}

/** Why an address cannot be a Bot API server, in words for the operator; null if it can. */
export function apiServerProblem(text: string): string | null {
  if (!URL.canParse(text)) return 'is not a web address (e.g. http://127.0.0.1:8081)';
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.search || url.hash) return 'must not carry a query or a fragment (?… or #…)';
  return null;
}
