import type { DomainEventBus } from '../platform/domain-events';
import type { Outbox } from './outbox-port';

/**
 * Tells the outbox when a sender's lane should look again: the moment an account or bot is
 * online (a lane that found it offline would otherwise wait for its next recheck) and when one
 * is removed (its lane fails what it still holds, with the reason). Returns the unsubscribe.
 */
export function followSenders(outbox: Pick<Outbox, 'resume'>, domainEvents: Pick<DomainEventBus, 'on'>): () => void {
  const stops = [domainEvents.on('connection.online', (sender) => outbox.resume(sender)), domainEvents.on('connection.removed', (sender) => outbox.resume(sender))];
  return () => {
    for (const stop of stops) stop();
  };
}
