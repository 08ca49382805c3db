import type { Clock } from '../../../platform/clock';
import type { AntiSpamOptions } from './options';
import { fail } from './rpc-error';

const DAY_MS = 86_400_000;

/**
 * Telegram's anti-spam as an account meets it: FLOOD_WAIT_X when a method is called faster
 * than its bucket refills, PEER_FLOOD once the day's quota of messages or invites to
 * strangers is spent, and a daily cap on imported phone numbers. Days follow the world clock.
 */
export class AntiSpam {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  private readonly blocked = new Map<string, number>();
  /** Accounts Telegram's spam team limited: their sends answer PEER_FLOOD until then. */
  private readonly restricted = new Map<string, number>();
  private readonly daily = new Map<string, { day: number; count: number }>();
  private readonly overrides = new Map<number, Partial<AntiSpamOptions>>();

  constructor(
    private readonly clock: Clock,
    private readonly defaults: AntiSpamOptions,
  ) {}

  configure(userId: number, override: Partial<AntiSpamOptions>): void {
    this.overrides.set(userId, { ...this.overrides.get(userId), ...override });
  }

  policy(userId: number): AntiSpamOptions {
    return { ...this.defaults, ...this.overrides.get(userId) };
  }

  /** Telegram tells this account to wait: these methods answer FLOOD_WAIT until `untilMs`. */
  floodUntil(userId: number, methods: readonly string[], untilMs: number): void {
    for (const method of methods) this.blocked.set(`${userId}:${method}`, untilMs);
  }

  /** Telegram limits the account for spam: these methods answer PEER_FLOOD until `untilMs`, whoever they go to. */
  restrictUntil(userId: number, methods: readonly string[], untilMs: number): void {
    for (const method of methods) this.restricted.set(`${userId}:${method}`, untilMs);
  }

  checkRate(userId: number, method: string): void {
    if ((this.restricted.get(`${userId}:${method}`) ?? 0) > this.clock.now()) fail('PEER_FLOOD');
    const blockedUntil = this.blocked.get(`${userId}:${method}`) ?? 0;
    if (blockedUntil > this.clock.now()) fail(`FLOOD_WAIT_${Math.ceil((blockedUntil - this.clock.now()) / 1000)}`);
    const limit = this.policy(userId).methodLimits[method];
    if (!limit) return;
    const key = `${userId}:${method}`;
    const now = this.clock.now();
    const refillMs = limit.everySeconds * 1000;
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, atMs: now };
    const refilled = Math.min(limit.burst, bucket.tokens + (now - bucket.atMs) / refillMs);
    if (refilled < 1) fail(`FLOOD_WAIT_${Math.ceil(((1 - refilled) * refillMs) / 1000)}`);
    this.buckets.set(key, { tokens: refilled - 1, atMs: now });
  }

  /** Counts one action towards a stranger; past the day's quota the account gets PEER_FLOOD. */
  stranger(userId: number, kind: 'message' | 'invite'): void {
    const policy = this.policy(userId);
    const limit = kind === 'message' ? policy.strangerMessagesPerDay : policy.strangerInvitesPerDay;
    if (this.usedToday(userId, kind) >= limit) fail('PEER_FLOOD');
    this.use(userId, kind, 1);
  }

  /** How many of `wanted` imports the account may still make today (and books them). */
  takeImports(userId: number, wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, this.policy(userId).contactImportsPerDay - this.usedToday(userId, 'import')));
    this.use(userId, 'import', granted);
    return granted;
  }

  private usedToday(userId: number, kind: string): number {
    const entry = this.daily.get(`${userId}:${kind}`);
    return entry && entry.day === this.today() ? entry.count : 0;
  }

  private use(userId: number, kind: string, count: number): void {
    this.daily.set(`${userId}:${kind}`, { day: this.today(), count: this.usedToday(userId, kind) + count });
  }

  private today(): number {
    return Math.floor(this.clock.now() / DAY_MS);
  }
}
