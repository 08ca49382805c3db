import type { EventBus } from '../contract/event-bus';
import type { Outbox } from './outbox-port';

/**
 * Tells the outbox when a sender's lane should look again: the moment an account or bot is
 * online (a lane that found it offline would otherwise wait for its next recheck) and when one
 * is removed (its lane fails what it still holds, with the reason). Returns the unsubscribe.
 */
export function followSenders(outbox: Pick<Outbox, 'resume'>, events: Pick<EventBus, 'subscribe'>): () => void {
  return events.subscribe((batch) => {
    for (const event of batch) {
      switch (event.type) {
        case 'accounts.changed':
        case 'bots.changed':
          if (event.payload.state.status === 'online') outbox.resume({ kind: event.type === 'accounts.changed' ? 'account' : 'bot', id: event.payload.id });
          break;
        case 'accounts.removed':
          outbox.resume({ kind: 'account', id: event.payload.id });
          break;
        case 'bots.removed':
          outbox.resume({ kind: 'bot', id: event.payload.id });
          break;
      }
    }
  });
}
