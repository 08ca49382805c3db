import { describe, expect, it } from 'vitest';
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
});
