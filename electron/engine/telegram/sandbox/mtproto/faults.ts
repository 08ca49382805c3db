interface Planned {
  method: string | null;
  remaining: number;
}

/**
 * Faults the MTProto door can be told to inject at runtime: latency before a request takes
 * effect, answers lost after it took effect, and server errors. Disconnects are the
 * sandbox's `dropConnections`.
 */
export class Faults {
  /** Real milliseconds each request waits before it takes effect (it is "in flight" meanwhile). */
  latencyMs = 0;
  private readonly losses: Planned[] = [];
  private readonly failures: (Planned & { error: string })[] = [];

  /** The next `count` answers (to `method`, or to any request) are lost after the request took effect. */
  loseResponses(count = 1, method: string | null = null): void {
    this.losses.push({ method, remaining: count });
  }

  /** The next `count` requests (to `method`, or any) fail with `error` before taking effect. */
  failRequests(count = 1, error = 'INTERNAL', method: string | null = null): void {
    this.failures.push({ method, remaining: count, error });
  }

  clear(): void {
    this.latencyMs = 0;
    this.losses.length = 0;
    this.failures.length = 0;
  }

  takeFailure(method: string): string | null {
    return take(this.failures, method)?.error ?? null;
  }

  takeLoss(method: string): boolean {
    return take(this.losses, method) !== null;
  }

  async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

function take<T extends Planned>(plans: T[], method: string): T | null {
  const index = plans.findIndex((plan) => plan.method === null || plan.method === method);
  if (index < 0) return null;
  const plan = plans[index]!;
  if (--plan.remaining <= 0) plans.splice(index, 1);
  return plan;
}
