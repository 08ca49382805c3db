import { Api } from 'telegram';
import { DeskError } from '../../../../shared/contract/result';
import type { ConnectionState } from '../../../../shared/domain/connections';
import type { TelegramEnvironment } from '../../telegram/environment';
import { classifyRpcError } from '../../telegram/mtproto/rpc-failure';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import type { ApiCredentials } from '../store/default-api';
import { backoffDelay, type BackoffOptions } from '../../platform/backoff';
import type { Scheduler } from '../../platform/scheduler';
import { UpdateSync, type SyncDeps } from './update-sync';

export interface RuntimeOptions {
  /** How often an online account asks Telegram for its state (finds dead connections and missed updates). */
  healthCheckMs: number;
  /** A health check (and whatever update work it waits behind) longer than this means the connection is dead. */
  healthTimeoutMs: number;
  backoff: BackoffOptions;
  scheduler: Scheduler;
  random: () => number;
}

export interface RuntimeAccount {
  credentials: ApiCredentials;
  session: string;
}

/** What an account connects with, read at each attempt (the default api_id may have changed). */
type LoadAccount = () => RuntimeAccount;

interface RuntimeHooks {
  onState(state: ConnectionState): void;
  /** Telegram ended the session; called before the needs_sign_in state is announced. */
  onRevoked(reason: string): void;
}

const REVOKED_REASONS: Record<string, string> = {
  USER_DEACTIVATED: 'Telegram deactivated this account.',
  USER_DEACTIVATED_BAN: 'Telegram banned this account.',
};

/**
 * One account's live connection: connect, catch up, stay online, and recover. Each connection
 * attempt is a generation; whatever an older generation was doing when it failed or was
 * stopped finds itself outdated and does nothing more. Every timer it sets is cancelled on stop.
 */
export class AccountRuntime {
  state: ConnectionState = { status: 'connecting' };
  private generation = 0;
  private attempt = 0;
  private transport: MtprotoTransport | null = null;
  private sync: UpdateSync | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly timers = new Set<() => void>();
  /** Cancels the wait before the next connection attempt while one is scheduled after a failure. */
  private cancelRetryWait: (() => void) | null = null;
  /** Update work runs one piece at a time, in arrival order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: Omit<SyncDeps, 'selfId'> & { telegram: TelegramEnvironment; selfId: number },
    private readonly load: LoadAccount,
    private readonly options: RuntimeOptions,
    private readonly hooks: RuntimeHooks,
  ) {}

  start(): void {
    this.setState({ status: 'connecting' });
    void this.connect();
  }

  /** The live transport while online, for the outbox to send through; null otherwise. */
  get connection(): MtprotoTransport | null {
    return this.state.status === 'online' ? this.transport : null;
  }

  /** Ends the connection and waits for update work in progress; the owner announces the resting state. */
  async stop(): Promise<void> {
    await this.drop();
    await this.chain;
  }

  /** Connects now instead of at the end of the backoff under way (what failed may work now). */
  retryNow(): void {
    const cancel = this.cancelRetryWait;
    if (!cancel) return;
    cancel();
    this.cancelRetryWait = null;
    void this.connect();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.hooks.onState(state);
  }

  private schedule(ms: number, run: () => void): () => void {
    const cancel = this.options.scheduler.after(ms, () => {
      this.timers.delete(cancel);
      run();
    });
    this.timers.add(cancel);
    return () => {
      this.timers.delete(cancel);
      cancel();
    };
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    let account: RuntimeAccount;
    try {
      account = this.load();
    } catch (error) {
      // Missing api credentials or an unreadable session: retrying cannot help.
      const reason = error instanceof DeskError ? error.message : 'The stored session could not be read; sign in again.';
      return this.setState({ status: 'error', reason });
    }
    const transport = this.deps.telegram.mtproto({ ...account.credentials, session: account.session });
    const sync = new UpdateSync(this.deps, transport);
    this.transport = transport;
    this.sync = sync;
    this.unsubscribe = transport.onUpdate((updates) => {
      this.enqueue(generation, () => sync.apply(updates)).catch((error: unknown) => this.fail(generation, error));
    });
    // Connecting and catching up may hang on a half-open network; the watchdog turns that into a retry.
    const cancelWatchdog = this.schedule(this.options.healthTimeoutMs, () => this.fail(generation, new Error('Telegram did not answer in time.')));
    try {
      await transport.connect();
      // Stopped while connecting: this transport was already dropped, so close what connect opened.
      if (generation !== this.generation) return void (await transport.disconnect());
      await this.enqueue(generation, () => sync.start());
      if (generation !== this.generation) return;
      cancelWatchdog();
      this.attempt = 0;
      this.setState({ status: 'online' });
      this.scheduleHealthCheck(generation);
    } catch (error) {
      this.fail(generation, error);
    }
  }

  private enqueue(generation: number, work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(() => (generation === this.generation ? work() : undefined));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private scheduleHealthCheck(generation: number): void {
    this.schedule(this.options.healthCheckMs, () => {
      const cancelWatchdog = this.schedule(this.options.healthTimeoutMs, () => this.fail(generation, new Error('Telegram did not answer the health check in time.')));
      this.enqueue(generation, () => this.checkHealth()).then(
        () => {
          cancelWatchdog();
          if (generation === this.generation) this.scheduleHealthCheck(generation);
        },
        (error: unknown) => {
          cancelWatchdog();
          this.fail(generation, error);
        },
      );
    });
  }

  /** Cheap and telling: a dead connection fails it, and a pts ahead of ours means updates were lost. */
  private async checkHealth(): Promise<void> {
    const transport = this.transport;
    const sync = this.sync;
    if (!transport || !sync) return;
    if (!transport.connected) throw new Error('The connection to Telegram was lost.');
    const state = await transport.invoke(new Api.updates.GetState());
    if (state.pts > sync.pts) await sync.catchUp();
  }

  /** Ends the current generation: no timer, listener or pending update work of it survives. */
  private async drop(): Promise<void> {
    this.generation++;
    for (const cancel of [...this.timers]) cancel();
    this.timers.clear();
    this.cancelRetryWait = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.sync?.close();
    const transport = this.transport;
    this.transport = null;
    this.sync = null;
    await transport?.disconnect().catch(() => undefined);
  }

  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation) return;
    const failure = classifyRpcError(error);
    void this.drop();
    const now = this.deps.clock.now();
    switch (failure.kind) {
      case 'unauthorized': {
        const reason = REVOKED_REASONS[failure.name] ?? `Telegram ended this session (${failure.name}). Sign in again.`;
        this.hooks.onRevoked(reason);
        return this.setState({ status: 'needs_sign_in', reason });
      }
      case 'flood': {
        this.setState({ status: 'flood_wait', until: now + failure.seconds * 1000 });
        this.schedule(failure.seconds * 1000, () => void this.connect());
        return;
      }
      case 'rpc':
        // Telegram refusing a request (4xx) answers the same way on a retry.
        if (failure.code !== undefined && failure.code < 500) return this.setState({ status: 'error', reason: `Telegram refused the connection (${failure.name}).` });
        return this.retry(now, `Telegram had an internal error (${failure.name}).`);
      case 'network':
        return this.retry(now, failure.message);
    }
  }

  private retry(now: number, reason: string): void {
    this.attempt++;
    const delay = backoffDelay(this.attempt, this.options.backoff, this.options.random);
    this.setState({ status: 'reconnecting', attempt: this.attempt, nextTryAt: now + delay, reason });
    this.cancelRetryWait = this.schedule(delay, () => this.retryNow());
  }
}
