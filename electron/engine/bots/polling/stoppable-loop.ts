/**
 * A background loop that stops at once: `stop()` aborts whatever it waits on (a held long
 * poll, a backoff sleep, a setWebhook call) and resolves when the loop has ended.
 */
export abstract class StoppableLoop {
  protected readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  /** Called by the subclass's constructor once its own fields are set. */
  protected begin(): void {
    this.done = this.run();
  }

  protected abstract run(): Promise<void>;

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  /** Resolves when the loop ended on its own (an error that needs the operator) or was stopped. */
  finished(): Promise<void> {
    return this.done;
  }
}
