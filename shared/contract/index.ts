import type { z } from 'zod';
import type { CallSpec } from './define';
import type { CallResult } from './result';
import { system } from './domains/system';
import { settings } from './domains/settings';
import { logs } from './domains/logs';
import { sandbox } from './domains/sandbox';
import { accounts, bots, messages } from './domains/accounts';
import { inbox } from './domains/inbox';
import { outbox } from './domains/outbox';
import { botFlows } from './domains/bot-flows';
import { operators } from './domains/operators';

/**
 * The one declaration of everything the window may ask of the engine and everything the
 * engine tells the window. Handler types, `window.desk`, the renderer client and the
 * WebSocket transport are all derived from this object.
 */
export const contract = { system, settings, logs, sandbox, accounts, bots, messages, inbox, outbox, botFlows, operators } as const;

export type Contract = typeof contract;
export type DomainName = keyof Contract & string;

type CallsOf<D extends DomainName> = Contract[D]['calls'];
type EventsOf<D extends DomainName> = NonNullable<Contract[D]['__events']>;

export type MethodName = {
  [D in DomainName]: `${D}.${keyof CallsOf<D> & string}`;
}[DomainName];

type SpecOf<M extends MethodName> = M extends `${infer D extends DomainName}.${infer C}`
  ? C extends keyof CallsOf<D>
    ? CallsOf<D>[C]
    : never
  : never;

/** What a caller passes (defaults may be omitted). */
export type CallInput<M extends MethodName> =
  SpecOf<M> extends CallSpec<infer I> ? z.input<I> : never;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> =
  SpecOf<M> extends CallSpec<infer I> ? z.output<I> : never;
export type CallOutput<M extends MethodName> =
  SpecOf<M> extends CallSpec<z.ZodType, infer O> ? O : never;

export type DeskEvent = {
  [D in DomainName]: {
    [E in keyof EventsOf<D> & string]: { type: `${D}.${E}`; payload: EventsOf<D>[E] };
  }[keyof EventsOf<D> & string];
}[DomainName];

export type EventType = DeskEvent['type'];
export type EventPayload<T extends EventType> = Extract<DeskEvent, { type: T }>['payload'];

/** Main-side handlers: one function per method, typed from the contract. */
export type Handlers<Ctx = void> = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: Ctx) => CallOutput<M> | Promise<CallOutput<M>>;
};

/** The handlers of one domain, so each domain's folder implements only its own part. */
export type DomainHandlers<D extends DomainName, Ctx = void> = {
  [M in MethodName as M extends `${D}.${string}` ? M : never]: Handlers<Ctx>[M];
};

/** What the preload exposes as `window.desk`, and what headless mode supplies instead. */
export interface DeskApi {
  call<M extends MethodName>(method: M, input: CallInput<M>): Promise<CallResult<CallOutput<M>>>;
  on<T extends EventType>(type: T, listener: (payload: EventPayload<T>) => void): () => void;
}

const specs = new Map<string, CallSpec>();
for (const [domainName, spec] of Object.entries(contract)) {
  for (const [callName, callSpec] of Object.entries(spec.calls as Record<string, CallSpec>)) {
    specs.set(`${domainName}.${callName}`, callSpec);
  }
}

/** The runtime half of the contract: the spec for a method name received as data. */
export function lookupCall(method: string): CallSpec | undefined {
  return specs.get(method);
}

export function methodNames(): string[] {
  return [...specs.keys()];
}

export * from './result';
