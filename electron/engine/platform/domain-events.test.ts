import { describe, expect, it } from 'vitest';
import { createDomainEventBus } from './domain-events';

declare module './domain-events' {
  interface DomainEvents {
    'test.happened': { n: number };
    'test.other': { text: string };
  }
}

describe('the engine’s own event bus', () => {
  it('calls every listener of an event in order, synchronously, and only for that event', () => {
    const bus = createDomainEventBus(() => undefined);
    const heard: string[] = [];
    bus.on('test.happened', ({ n }) => heard.push(`first ${n}`));
    bus.on('test.happened', ({ n }) => heard.push(`second ${n}`));
    bus.on('test.other', ({ text }) => heard.push(text));
    bus.emit('test.happened', { n: 1 });
    expect(heard).toEqual(['first 1', 'second 1']);
  });

  it('keeps going past a listener that throws, and reports it with the event’s name', () => {
    const failures: [string, unknown][] = [];
    const bus = createDomainEventBus((name, error) => failures.push([name, error]));
    const heard: number[] = [];
    const broken = new Error('domain bug');
    bus.on('test.happened', () => {
      throw broken;
    });
    bus.on('test.happened', ({ n }) => heard.push(n));
    bus.emit('test.happened', { n: 2 });
    expect(heard).toEqual([2]);
    expect(failures).toEqual([['test.happened', broken]]);
  });

  it('stops calling a listener once unsubscribed, also when it unsubscribes from inside its own call', () => {
    const bus = createDomainEventBus(() => undefined);
    const heard: string[] = [];
    const offA = bus.on('test.happened', () => {
      heard.push('a');
      offA();
    });
    const offB = bus.on('test.happened', () => heard.push('b'));
    bus.emit('test.happened', { n: 1 });
    offB();
    bus.emit('test.happened', { n: 2 });
    expect(heard).toEqual(['a', 'b']);
  });
});
