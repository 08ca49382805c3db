import { createHmac, timingSafeEqual } from 'node:crypto';
import { Api, errors } from 'telegram';
import { SandboxRuleError } from '../world/rule-error';
import type { SandboxUser } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { AccountService } from './account-service';
import { AntiSpam } from './anti-spam';
import { Faults } from './faults';
import { FileRegistry } from './files';
import { ROUTES } from './handlers';
import { LoginCodes } from './login-codes';
import { fromLong } from './long';
import { resolveOptions, type AntiSpamOptions, type OptionsOverride, type SandboxMtprotoOptions } from './options';
import { fail, rpcError } from './rpc-error';
import { newSession, type Session } from './session';
import type { MtprotoSnapshot } from './snapshot';
import { createVerifier, type SrpVerifier } from './srp';
import { SandboxMtprotoTransport } from './transport';
import { UpdatesHub, type KeptLogs } from './updates-hub';

const SESSION_TOKEN_VERSION = 's1';

/**
 * The MTProto side of the Telegram sandbox, one per world: it hands out transports that speak
 * GramJS `Api.*` objects, keeps the sessions behind them (so a restarted client resumes with
 * its session key), and answers as Telegram does, errors included.
 */
export class SandboxMtproto {
  readonly world: SandboxWorld;
  readonly options: SandboxMtprotoOptions;
  readonly codes: LoginCodes;
  readonly antiSpam: AntiSpam;
  readonly faults = new Faults();
  readonly files: FileRegistry;
  readonly hub: UpdatesHub;
  private readonly sessions = new Map<string, Session>();
  private readonly transports = new Set<SandboxMtprotoTransport>();
  private readonly verifiers = new Map<string, Promise<SrpVerifier>>();
  /** Sends whose random_id is being processed, for RANDOM_ID_DUPLICATE. */
  private readonly inFlight = new Set<string>();
  private readonly unsubscribe: () => void;
  /** Signs exported sessions; kept in the snapshot, so a restarted door accepts them again. */
  private readonly sessionSecret: string;
  /** Exported sessions ended before this door started (Telegram remembers them). */
  private readonly revokedBefore: Set<string>;
  private readonly beforeAnswer: () => void;

  /**
   * `restored` continues what an earlier door on this world left (see `snapshot()`), with the
   * pts logs' events when a durable store kept them. `beforeAnswer` runs after a request took
   * effect and before its answer leaves, so that store can write first.
   */
  constructor(input: { world: SandboxWorld; options?: OptionsOverride; restored?: MtprotoSnapshot; keptLogs?: KeptLogs; beforeAnswer?: () => void }) {
    this.world = input.world;
    this.options = resolveOptions(input.options);
    this.codes = new LoginCodes(this.world, this.options.codes);
    this.antiSpam = new AntiSpam(this.world.clock, this.options.antiSpam);
    this.files = new FileRegistry(this.world);
    const restored = input.restored ?? null;
    this.hub = new UpdatesHub(this.world, this.files, (userId, updates, except) => {
      let connected = false;
      for (const transport of this.transports) {
        if (transport.session.userId !== userId) continue;
        connected = true;
        if (transport.session !== except) transport.deliver(updates);
      }
      return connected;
    }, restored, input.keptLogs ?? null);
    this.beforeAnswer = input.beforeAnswer ?? (() => undefined);
    this.unsubscribe = this.world.subscribe((event) => this.hub.handle(event));
    this.sessionSecret = restored?.sessionSecret ?? this.world.random.hex(32);
    this.revokedBefore = new Set(restored?.revokedSessions);
  }

  /** What a later door on the restored world needs to continue: see MtprotoSnapshot. */
  snapshot(): MtprotoSnapshot {
    // Only exported (signed) keys can come back after a restart, so only they are worth keeping.
    const revokedNow = [...this.sessions].filter(([key, session]) => session.revoked && key.startsWith(`${SESSION_TOKEN_VERSION}.`)).map(([key]) => key);
    return { sessionSecret: this.sessionSecret, revokedSessions: [...new Set([...this.revokedBefore, ...revokedNow])], ...this.hub.snapshot() };
  }

  /**
   * Telegram keeps authorizations on its servers; the sandbox keeps only a secret, so a
   * signed-in session is exported as a signed token that a restarted door accepts again.
   */
  exportSession(session: Session): string {
    if (session.userId === null) return session.key;
    const token = `${SESSION_TOKEN_VERSION}.${session.userId}.${this.world.random.hex(8)}`;
    const signed = `${token}.${this.sign(token)}`;
    this.sessions.set(signed, session);
    // A random draw was made: saved before the token leaves, so no later token repeats it.
    this.beforeAnswer();
    return signed;
  }

  private restoreSession(key: string): Session | null {
    const [version, userId, nonce, signature] = key.split('.');
    if (version !== SESSION_TOKEN_VERSION || !userId || !nonce || !signature) return null;
    const expected = Buffer.from(this.sign(`${version}.${userId}.${nonce}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    if (!this.world.findUser(Number(userId))) return null;
    const session = newSession(key);
    session.userId = Number(userId);
    session.revoked = this.revokedBefore.has(key);
    return session;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.sessionSecret).update(text).digest('base64url');
  }

  /** A new connection; with a known `sessionKey` it resumes that session (signed in or not). */
  transport(input: { sessionKey?: string } = {}): SandboxMtprotoTransport {
    const key = input.sessionKey ?? this.world.random.hex(16);
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = this.restoreSession(key) ?? newSession(key)));
    return new SandboxMtprotoTransport(this, session);
  }

  /** The code Telegram would have delivered to this number (tests read it instead of an SMS). */
  lastCode(phone: string): string | undefined {
    return this.codes.last(phone);
  }

  /** Telegram ends the session: its later calls answer AUTH_KEY_UNREGISTERED. */
  revokeSession(sessionKey: string): void {
    const session = this.sessions.get(sessionKey);
    if (session) session.revoked = true;
  }

  /** Ends every session of a user; returns how many were live. */
  revokeSessionsOf(userId: number): number {
    let revoked = 0;
    for (const session of new Set(this.sessions.values())) {
      if (session.userId !== userId || session.revoked) continue;
      session.revoked = true;
      revoked++;
    }
    // Telegram drops the connections of ended sessions; the client notices at once and its
    // next request answers AUTH_KEY_UNREGISTERED. The sandbox nudges them the same way.
    for (const transport of this.transports) {
      if (transport.session.userId === userId && transport.session.revoked) transport.deliver(new Api.UpdatesTooLong());
    }
    return revoked;
  }

  /** Live (not revoked) sessions signed in as this user. */
  sessionCount(userId: number): number {
    return [...new Set(this.sessions.values())].filter((s) => s.userId === userId && !s.revoked).length;
  }

  signedInUser(sessionKey: string): number | null {
    const session = this.sessions.get(sessionKey);
    return session && !session.revoked ? session.userId : null;
  }

  /** Makes the account's sends answer FLOOD_WAIT for `seconds`, as Telegram does to a fast sender. */
  imposeFloodWait(userId: number, seconds: number): void {
    this.antiSpam.floodUntil(userId, ['messages.SendMessage', 'messages.SendMedia'], this.world.clock.now() + seconds * 1000);
  }

  /** Limits the account for spam, as Telegram's spam team does after reports: its sends answer PEER_FLOOD for `seconds`. */
  imposePeerFlood(userId: number, seconds: number): void {
    this.antiSpam.restrictUntil(userId, ['messages.SendMessage', 'messages.SendMedia'], this.world.clock.now() + seconds * 1000);
  }

  configureAntiSpam(userId: number, override: Partial<AntiSpamOptions>): void {
    this.antiSpam.configure(userId, override);
  }

  /** Every connection drops at once; updates meanwhile are lost until getDifference. */
  async dropConnections(): Promise<void> {
    await Promise.all([...this.transports].map((transport) => transport.disconnect()));
  }

  dispose(): void {
    this.unsubscribe();
    this.transports.clear();
  }

  attach(transport: SandboxMtprotoTransport): void {
    this.transports.add(transport);
  }

  detach(transport: SandboxMtprotoTransport): void {
    this.transports.delete(transport);
  }

  /** The SRP verifier for the user's current password (PBKDF2 is slow, so it is computed once). */
  verifier(user: SandboxUser): Promise<SrpVerifier> {
    if (!user.twoFactor) fail('PASSWORD_EMPTY');
    const key = `${user.id}:${user.twoFactor.password}`;
    let verifier = this.verifiers.get(key);
    if (!verifier) this.verifiers.set(key, (verifier = createVerifier(user.twoFactor.password)));
    return verifier;
  }

  async handle(session: Session, request: Api.AnyRequest): Promise<unknown> {
    const flight = inFlightKey(session, request);
    try {
      if (session.revoked) fail('AUTH_KEY_UNREGISTERED');
      if (flight !== null && this.inFlight.has(flight)) fail('RANDOM_ID_DUPLICATE');
      if (flight !== null) this.inFlight.add(flight);
      await this.faults.delay();
      const injected = this.faults.takeFailure(request.className);
      if (injected) fail(injected);
      const result = await this.route(session, request);
      this.beforeAnswer();
      if (this.faults.takeLoss(request.className)) throw new errors.TimedOutError('Timeout', request, -503);
      return result;
    } catch (error) {
      if (error instanceof SandboxRuleError) throw rpcError(error.code, request);
      throw error;
    } finally {
      if (flight !== null) this.inFlight.delete(flight);
    }
  }

  private async route(session: Session, request: Api.AnyRequest): Promise<unknown> {
    const route = ROUTES.find((candidate) => candidate.accepts(request)) ?? fail('INPUT_METHOD_INVALID');
    if (route.access === 'public') return route.run({ server: this, session }, null, request);
    const user = session.userId === null ? null : this.world.findUser(session.userId);
    if (!user) fail('AUTH_KEY_UNREGISTERED');
    if (user.banned) fail('USER_DEACTIVATED_BAN');
    this.antiSpam.checkRate(user.id, request.className);
    return route.run({ server: this, session }, new AccountService(this, session, user), request);
  }
}

/** The same random_id to the same peer from the same account is one send, however many tries. */
function inFlightKey(session: Session, request: Api.AnyRequest): string | null {
  if (!(request instanceof Api.messages.SendMessage || request instanceof Api.messages.SendMedia)) return null;
  const randomId = fromLong(request.randomId);
  if (randomId === null) return null;
  const peer = request.peer as { className?: string; userId?: unknown; chatId?: unknown; channelId?: unknown };
  return `${session.userId}:${peer.className}:${String(peer.userId ?? peer.chatId ?? peer.channelId ?? '')}:${randomId}`;
}
