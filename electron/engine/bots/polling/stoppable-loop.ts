import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A background loop that stops at once: `stop()` aborts whatever it waits on (a held long
 * poll, a backoff sleep, a setWebhook call) and resolves when the loop has ended.
 */
export abstract class StoppableLoop {
  protected readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();
  /** Ends the current wait before a next try early; replaced at each wait. */
  private retryWake: AbortController | null = null;

  /** Called by the subclass's constructor once its own fields are set. */
  protected begin(): void {
    this.done = this.run();
  }

  protected abstract run(): Promise<void>;

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  /** Tries now instead of at the end of the wait under way (what failed may work now). */
  retryNow(): void {
    this.retryWake?.abort();
  }

  /** The wait before the next try (a backoff, a recheck); over early on stop() or retryNow(). */
  protected async waitBeforeNextTry(ms: number): Promise<void> {
    const wake = new AbortController();
    this.retryWake = wake;
    await sleep(ms, undefined, { signal: AbortSignal.any([this.abort.signal, wake.signal]) }).catch(() => undefined);
    if (this.retryWake === wake) this.retryWake = null;
  }

  /** Resolves when the loop ended on its own (an error that needs the operator) or was stopped. */
  finished(): Promise<void> {
    return this.done;
  }
}
