import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/result';
import { manualClock } from '../platform/clock';
import { seedSandboxWorld } from '../telegram/sandbox/people/seed-world';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { createCrowd } from './crowd';

function crowdWorld() {
  const world = new SandboxWorld({ clock: manualClock(Date.UTC(2026, 10, 21)), seed: 5 });
  const seeded = seedSandboxWorld(world);
  return { world, seeded, crowd: createCrowd(world, seeded) };
}

describe('sandbox crowd', () => {
  it('spreads each burst over the crowd, continuing where the last one stopped', () => {
    const { world, seeded, crowd } = crowdWorld();
    expect(crowd.write({ count: 3, senders: 2, text: 'load' })).toEqual({ written: 3 });
    crowd.write({ count: 2, senders: 2, text: 'load' });
    const received = world.receivedBy(seeded.account.id);
    expect(received.map((m) => [world.user(m.senderId).username, m.text])).toEqual([
      ['crowd_1', 'load 1'],
      ['crowd_2', 'load 2'],
      ['crowd_1', 'load 3'],
      ['crowd_2', 'load 4'],
      ['crowd_1', 'load 5'],
    ]);
  });

  it('finds the crowd already in a restored world instead of adding it again', () => {
    const { world, seeded, crowd } = crowdWorld();
    crowd.write({ count: 1, senders: 1, text: 'first' });
    const users = world.allUsers().length;
    createCrowd(world, seeded).write({ count: 1, senders: 1, text: 'again' });
    expect(world.allUsers()).toHaveLength(users);
    expect(new Set(world.receivedBy(seeded.account.id).map((m) => m.senderId)).size).toBe(1);
  });

  it('writes to the bot when asked, and refuses anything but an account or the bot', () => {
    const { world, seeded, crowd } = crowdWorld();
    crowd.write({ targetId: seeded.bot.id, count: 2, senders: 2, text: 'hi' });
    expect(world.receivedBy(seeded.bot.id).filter((m) => m.text.startsWith('hi '))).toHaveLength(2);
    expect(() => crowd.write({ targetId: seeded.channel.id, count: 1, senders: 1, text: 'x' })).toThrow(DeskError);
  });
});
