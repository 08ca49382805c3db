import type { SeededRandom } from '../../world/random';

/** When a fault applies: to some methods, a share of requests, a number of times. */
export interface FaultRule {
  /** Method names as called (case-insensitive); all methods when absent. */
  methods?: string[];
  /** Drawn from the world's seeded random, so runs repeat; always when absent. */
  probability?: number;
  /** Applies this many times, then stops; forever when absent. */
  times?: number;
}

export interface BotApiFaults {
  /** Added before every request is handled. */
  latencyMs?: number;
  /** The method runs, then the connection is dropped without an answer. */
  loseResponse?: FaultRule;
  /** Answered with this status before the method runs. */
  serverError?: FaultRule & { status: 500 | 502 };
  /**
   * Answered before the method runs by something in front of the Bot API (a proxy, a load
   * balancer): a 5xx whose body is not a Bot API answer at all.
   */
  foreignError?: FaultRule & { status: 500 | 502 | 503; body: ForeignBody };
}

/** What a proxy's error page holds: JSON of its own (`{"message": ...}`), HTML, or nothing. */
export type ForeignBody = 'json' | 'html' | 'empty';

export interface ForeignError {
  status: number;
  contentType: string;
  body: string;
}

const FOREIGN_BODIES: Record<ForeignBody, (status: number) => Omit<ForeignError, 'status'>> = {
  json: (status) => ({ contentType: 'application/json', body: JSON.stringify({ message: `Upstream answered ${status}` }) }),
  html: (status) => ({ contentType: 'text/html', body: `<html><head><title>${status}</title></head><body><h1>${status}</h1><hr>nginx</body></html>` }),
  empty: () => ({ contentType: 'text/plain', body: '' }),
};

export class FaultInjector {
  private faults: BotApiFaults = {};

  constructor(
    faults: BotApiFaults,
    private readonly random: SeededRandom,
  ) {
    this.set(faults);
  }

  /** Copied, because `times` counts down. */
  set(faults: BotApiFaults): void {
    this.faults = structuredClone(faults);
  }

  latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  serverError(method: string): 500 | 502 | null {
    const rule = this.faults.serverError;
    return rule && this.fires(rule, method) ? rule.status : null;
  }

  foreignError(method: string): ForeignError | null {
    const rule = this.faults.foreignError;
    return rule && this.fires(rule, method) ? { status: rule.status, ...FOREIGN_BODIES[rule.body](rule.status) } : null;
  }

  loseResponse(method: string): boolean {
    const rule = this.faults.loseResponse;
    return rule ? this.fires(rule, method) : false;
  }

  private fires(rule: FaultRule, method: string): boolean {
    if (rule.methods && !rule.methods.some((m) => m.toLowerCase() === method.toLowerCase())) return false;
    if (rule.times !== undefined && rule.times <= 0) return false;
    if (rule.probability !== undefined && this.random.next() >= rule.probability) return false;
    if (rule.times !== undefined) rule.times--;
    return true;
  }
}
