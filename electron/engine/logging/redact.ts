/**
 * Secrets must never leave the engine in a log line, whatever field or message they hide in.
 * Three rules: fields named like secrets are blanked; values shaped like Telegram secrets
 * (bot tokens, api hashes, session strings) are masked wherever they appear; and any secret
 * the engine has seen in clear (`remember`) is masked by exact value.
 */
const SECRET_KEY = /^(token|bot_?token|session|session_?string|string_?session|api_?hash|password|passwd|secret|auth_?key|phone_?code_?hash|authorization|cookie|srp_?.*)$/i;

const PATTERNS: [RegExp, string][] = [
  [/(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}/g, '[redacted bot token]'],
  // GramJS StringSession: "1" followed by a long base64 payload.
  [/(?<![A-Za-z0-9+/])1[A-Za-z0-9+/_-]{150,}={0,2}/g, '[redacted session]'],
  [/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/gi, '[redacted hash]'],
];

export const REDACTED = '[redacted]';

export class Redactor {
  private readonly known = new Set<string>();

  /** Mask this exact value from now on (e.g. a decrypted session). Short values are ignored. */
  remember(secret: string): void {
    if (secret.length >= 8) this.known.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.known) out = out.split(secret).join(REDACTED);
    for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
    return out;
  }

  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object' || depth > 8) return value;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined && v !== '' ? REDACTED : this.value(v, depth + 1);
    }
    return out;
  }
}
