import type { BotState } from './bot-state';
import { terminatedByOtherPoll, webhookActive } from './conflicts';

export interface PollRequest {
  offset: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates: string[] | undefined;
  /** Aborted when the client goes away, so a held request does not outlive it. */
  signal: AbortSignal;
}

/**
 * getUpdates with true long polling: answered at once when updates are waiting, otherwise held
 * until one arrives or the timeout passes. A newer request ends the held one with a 409.
 */
export function pollUpdates(state: BotState, request: PollRequest): Promise<Record<string, unknown>[]> {
  if (state.webhook) throw webhookActive();
  state.poll?.terminate(terminatedByOtherPoll());
  state.queue.confirm(request.offset);
  if (request.allowedUpdates) state.queue.setAllowed(request.allowedUpdates);
  const ready = state.queue.take(request.limit);
  if (ready.length > 0 || request.timeoutSeconds <= 0) return Promise.resolve(ready);

  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      stopListening();
      request.signal.removeEventListener('abort', onAbort);
      if (state.poll === poll) state.poll = null;
      settle();
    };
    const poll = { terminate: (error: Error) => finish(() => reject(error)) };
    const onAbort = () => finish(() => resolve([]));
    const timer = setTimeout(() => finish(() => resolve([])), request.timeoutSeconds * 1000);
    const stopListening = state.queue.onPush(() => finish(() => resolve(state.queue.take(request.limit))));
    request.signal.addEventListener('abort', onAbort);
    state.poll = poll;
  });
}
