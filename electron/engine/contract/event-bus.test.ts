import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract/index';
import type { ConversationView } from '../../../shared/domain/inbox';
import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('delivers everything emitted in one tick as one batch, in order', async () => {
    const bus = createEventBus();
    const batches: unknown[][] = [];
    bus.subscribe((events) => batches.push(events));
    for (let i = 0; i < 500; i++) bus.emit({ type: 'system.notice', payload: { level: 'info', message: String(i) } });
    expect(batches).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(500);
    expect((batches[0]![499] as { payload: { message: string } }).payload.message).toBe('499');
  });

  it('combines list events of one type into one per batch, newest state of each item, others in place', async () => {
    const bus = createEventBus();
    const batches: DeskEvent[][] = [];
    bus.subscribe((events) => batches.push(events));
    const conversation = (id: number, unreadCount: number) => ({ id, unreadCount }) as unknown as ConversationView;
    bus.emit({ type: 'inbox.conversationsChanged', payload: { conversations: [conversation(1, 1)] } });
    bus.emit({ type: 'system.notice', payload: { level: 'info', message: 'between' } });
    bus.emit({ type: 'inbox.conversationsChanged', payload: { conversations: [conversation(2, 1)] } });
    bus.emit({ type: 'inbox.conversationsChanged', payload: { conversations: [conversation(1, 2)] } });
    await new Promise((r) => setImmediate(r));
    expect(batches[0]!.map((e) => e.type)).toEqual(['inbox.conversationsChanged', 'system.notice']);
    const combined = batches[0]![0] as Extract<DeskEvent, { type: 'inbox.conversationsChanged' }>;
    expect(combined.payload.conversations.map((c) => [c.id, c.unreadCount])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });
});
