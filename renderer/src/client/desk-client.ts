import type {
  CallInput,
  CallOutput,
  DeskApi,
  EventPayload,
  EventType,
  MethodName,
} from '../../../shared/contract/index';
import { DeskError, type DeskErrorShape } from '../../../shared/contract/result';
import { alwaysConnected, type ConnectionSource } from './connection';

/**
 * What stores use: a call returns the value or throws a DeskError, so store actions read
 * like ordinary async code and branch on `error.code` where it matters.
 */
export interface DeskClient {
  call<M extends MethodName>(method: M, input: CallInput<M>): Promise<CallOutput<M>>;
  on<T extends EventType>(type: T, listener: (payload: EventPayload<T>) => void): () => void;
  readonly connection: ConnectionSource;
}

export function createDeskClient(
  api: DeskApi,
  connection: ConnectionSource = alwaysConnected,
): DeskClient {
  return {
    async call(method, input) {
      let result;
      try {
        result = await api.call(method, input);
      } catch (error) {
        // A transport that throws instead of answering (IPC torn down, a bug in the bridge)
        // still reaches the stores as a DeskError, so they have one error path.
        const message = error instanceof Error ? error.message : String(error);
        throw new DeskError('unavailable', message);
      }
      if (result.ok) return result.value;
      // Details carry facts a page needs to say more than the message (a flood wait's end).
      throw new DeskError(result.error.code, result.error.message, result.error.details);
    },
    on: (type, listener) => api.on(type, listener),
    connection,
  };
}

/** Anything caught in a store action, kept with its code so a page can word it per code. */
export function errorShape(error: unknown): DeskErrorShape {
  if (error instanceof DeskError) {
    return error.details ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message };
  }
  return { code: 'internal', message: errorMessage(error) };
}

/** Turns anything caught in a store action into something a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
