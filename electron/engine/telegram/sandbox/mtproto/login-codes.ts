import { createHash } from 'node:crypto';
import { Api } from 'telegram';
import { SlidingWindows } from '../../../platform/sliding-window';
import type { SandboxWorld } from '../world/world';
import type { CodeType, LoginCodeOptions } from './options';
import { fail } from './rpc-error';

interface PendingCode {
  phone: string;
  hash: string;
  code: string;
  typeIndex: number;
  issuedAtMs: number;
}

/**
 * Login codes as Telegram hands them out: one pending code per number, delivered by app, then
 * SMS, then call on each resend; they expire on the world clock. Codes are derived from the
 * number and a counter so a test can read them with `lastCode` instead of an inbox.
 */
export class LoginCodes {
  private readonly pending = new Map<string, PendingCode>();
  private readonly sends = new SlidingWindows();
  /** The last code sent to each number: Telegram's message with it stays in the chat after it is used. */
  private readonly lastSent = new Map<string, string>();
  private issued = 0;

  constructor(
    private readonly world: SandboxWorld,
    private readonly options: LoginCodeOptions,
  ) {}

  send(rawPhone: string): Api.auth.SentCode {
    const phone = normalizePhone(rawPhone);
    this.throttle(phone);
    if (this.world.userByPhone(phone)?.banned) fail('PHONE_NUMBER_BANNED');
    const entry: PendingCode = { phone, hash: this.world.random.hex(9), code: '', typeIndex: 0, issuedAtMs: 0 };
    this.issue(entry);
    this.pending.set(phone, entry);
    return this.sentCode(entry);
  }

  resend(rawPhone: string, hash: string): Api.auth.SentCode {
    const entry = this.find(normalizePhone(rawPhone), hash);
    if (entry.typeIndex + 1 >= this.options.types.length) fail('SEND_CODE_UNAVAILABLE');
    entry.typeIndex++;
    this.issue(entry);
    return this.sentCode(entry);
  }

  /** Checks a code; a correct one is used up. */
  consume(rawPhone: string, hash: string, code: string | undefined): void {
    if (!code) fail('PHONE_CODE_EMPTY');
    const entry = this.find(normalizePhone(rawPhone), hash);
    if (this.world.clock.now() - entry.issuedAtMs > this.options.lifetimeSeconds * 1000) fail('PHONE_CODE_EXPIRED');
    if (entry.code !== code) fail('PHONE_CODE_INVALID');
    this.pending.delete(entry.phone);
  }

  last(rawPhone: string): string | undefined {
    return this.lastSent.get(normalizePhone(rawPhone));
  }

  private find(phone: string, hash: string): PendingCode {
    if (!hash) fail('PHONE_CODE_HASH_EMPTY');
    const entry = this.pending.get(phone);
    // A hash from an earlier sendCode was superseded; Telegram says the code expired.
    if (!entry || entry.hash !== hash) fail('PHONE_CODE_EXPIRED');
    return entry;
  }

  private issue(entry: PendingCode): void {
    const digest = createHash('sha256').update(`${entry.phone}:${++this.issued}`).digest();
    entry.code = String(digest.readUInt32BE(0) % 10 ** this.options.length).padStart(this.options.length, '0');
    entry.issuedAtMs = this.world.clock.now();
    this.lastSent.set(entry.phone, entry.code);
  }

  private throttle(phone: string): void {
    const now = this.world.clock.now();
    const window = { count: this.options.sendsPerNumber, windowMs: this.options.windowSeconds * 1000 };
    const waitMs = this.sends.waitMs(phone, window, now);
    if (waitMs > 0) fail(`FLOOD_WAIT_${Math.ceil(waitMs / 1000)}`);
    this.sends.record(phone, window, now);
  }

  private sentCode(entry: PendingCode): Api.auth.SentCode {
    const next = this.options.types[entry.typeIndex + 1];
    return new Api.auth.SentCode({
      type: sentCodeType(this.options.types[entry.typeIndex]!, this.options.length),
      phoneCodeHash: entry.hash,
      nextType: next ? codeType(next) : undefined,
      timeout: next ? this.options.resendTimeoutSeconds : undefined,
    });
  }
}

/** Digits with a country code, as Telegram accepts them; anything else is PHONE_NUMBER_INVALID. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s()+-]/g, '');
  if (!/^\d{7,15}$/.test(digits)) fail('PHONE_NUMBER_INVALID');
  return digits;
}

function sentCodeType(type: CodeType, length: number): Api.auth.TypeSentCodeType {
  if (type === 'app') return new Api.auth.SentCodeTypeApp({ length });
  if (type === 'sms') return new Api.auth.SentCodeTypeSms({ length });
  return new Api.auth.SentCodeTypeCall({ length });
}

function codeType(type: CodeType): Api.auth.TypeCodeType {
  return type === 'call' ? new Api.auth.CodeTypeCall() : new Api.auth.CodeTypeSms();
}
