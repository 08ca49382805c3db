import type {
  CallInput,
  CallOutput,
  DeskEvent,
  EventPayload,
  EventType,
  MethodName,
} from '../../../shared/contract/index';
import { describeIssues } from '../../../shared/contract/describe-issues';
import { createEventFanout } from '../../../shared/contract/event-fanout';
import { lookupCall } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import type { ConnectionState } from '../client/connection';
import type { DeskClient } from '../client/desk-client';

type Handler<M extends MethodName> = (input: CallInput<M>) => CallOutput<M> | Promise<CallOutput<M>>;

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

/**
 * An in-memory DeskClient for unit tests: tests set a handler per method (a handler may
 * throw a DeskError to answer with an error), read the calls made, and emit events.
 * A method with no handler fails with `unavailable`, so a test notices unexpected calls.
 * Inputs pass the contract's own schemas first: one the engine would refuse is refused the
 * same way and is not recorded as a call, so a test cannot pass on a call the engine refuses.
 */
export function createFakeClient(initial: ConnectionState = { status: 'connected' }) {
  const handlers = new Map<string, (input: unknown) => unknown>();
  const fanout = createEventFanout();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const calls: RecordedCall[] = [];
  let state = initial;

  const client: DeskClient = {
    async call(method, input) {
      const checked = lookupCall(method)?.input.safeParse(input);
      if (!checked?.success) throw new DeskError('invalid_input', checked ? describeIssues(checked.error) : `Unknown method "${method}".`);
      calls.push({ method, input: structuredClone(input) });
      const handler = handlers.get(method);
      if (!handler) throw new DeskError('unavailable', `no fake handler for ${method}`);
      return (await handler(input)) as never;
    },
    on: (type, listener) => fanout.on(type, listener),
    connection: {
      getState: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
  };

  return {
    client,
    calls,
    handle<M extends MethodName>(method: M, handler: Handler<M>) {
      handlers.set(method, handler as (input: unknown) => unknown);
    },
    callsOf(method: MethodName): unknown[] {
      return calls.filter((c) => c.method === method).map((c) => c.input);
    },
    emit<T extends EventType>(type: T, payload: EventPayload<T>) {
      fanout.deliver([{ type, payload } as DeskEvent]);
    },
    setConnection(next: ConnectionState) {
      state = next;
      for (const listener of [...stateListeners]) listener(next);
    },
  };
}

export type FakeClient = ReturnType<typeof createFakeClient>;
