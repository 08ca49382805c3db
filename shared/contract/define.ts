import { z } from 'zod';

/**
 * One call of the contract: the zod schema its input must pass, and (as a type only)
 * what it returns. The output is phantom so a result type is declared once, here.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Who may make it: `admin` only (the default), or every signed-in operator (`team`). */
  readonly access: CallAccess;
  readonly __output?: O;
}

export type CallAccess = 'admin' | 'team';

/** `call(schema).returns<Output>()` declares one call only an admin may make. */
export function call<I extends z.ZodType>(input: I): { returns<O>(): CallSpec<I, O> } {
  return { returns: <O>() => ({ input, access: 'admin' }) as CallSpec<I, O> };
}

/**
 * `teamCall(schema).returns<Output>()`: a call every operator may make. What it answers is
 * still cut to what the asking operator may see; that is the handler's job.
 */
export function teamCall<I extends z.ZodType>(input: I): { returns<O>(): CallSpec<I, O> } {
  return { returns: <O>() => ({ input, access: 'team' }) as CallSpec<I, O> };
}

/** A domain: its calls, and (as a type only) the events it emits, keyed by event name. */
export interface DomainSpec<
  C extends Record<string, CallSpec> = Record<string, CallSpec>,
  E extends Record<string, unknown> = Record<string, unknown>,
> {
  readonly calls: C;
  readonly __events?: E;
}

export function domain<C extends Record<string, CallSpec>>(
  calls: C,
): { events<E extends Record<string, unknown> = Record<never, never>>(): DomainSpec<C, E> } {
  return { events: <E extends Record<string, unknown>>() => ({ calls }) as DomainSpec<C, E> };
}

/**
 * A call that throws data away runs only when its input says `confirm: true`, so a stray or
 * malformed call (an empty or fuzzed input) can never trigger it.
 */
export const confirmed = z.literal(true, { error: 'must be true: this call throws data away' });
