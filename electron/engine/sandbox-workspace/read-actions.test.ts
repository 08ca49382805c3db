import { describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import type { WorldEvent } from '../telegram/sandbox/world/types';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { readPrivateChat } from './read-actions';

describe('sandbox read actions', () => {
  const world = new SandboxWorld({ clock: manualClock(), seed: 3 });
  const account = world.addUser({ firstName: 'Desk', phone: '9990000001' });
  const person = world.addUser({ firstName: 'Anna', phone: '9990000002' });
  const conversation = world.privateConversation(person.id, account.id);
  const reads: WorldEvent[] = [];
  world.subscribe((event) => void (event.type === 'history.read' && reads.push(event)));

  it('refuses to read a chat with nothing in it, saying why', () => {
    expect(() => readPrivateChat(world, { personId: person.id, accountId: account.id, reader: 'person' })).toThrow(/Nothing to read/);
    expect(reads).toEqual([]);
  });

  it('reads up to the newest message as the person or as the account on another device', () => {
    world.sendMessage({ senderId: account.id, conversation, text: 'our answer' });
    const newest = world.sendMessage({ senderId: person.id, conversation, text: 'thanks' });
    readPrivateChat(world, { personId: person.id, accountId: account.id, reader: 'person' });
    readPrivateChat(world, { personId: person.id, accountId: account.id, reader: 'account' });
    expect(reads).toEqual([
      { type: 'history.read', readerId: person.id, conversation, maxUid: newest.uid },
      { type: 'history.read', readerId: account.id, conversation, maxUid: newest.uid },
    ]);
  });
});
