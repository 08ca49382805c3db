import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../platform/clock';
import { SandboxWorld } from '../world/world';
import { createScriptedPeople } from './scripted-people';
import { seedSandboxWorld } from './seed-world';

function story(seed: number, steps: number) {
  const world = new SandboxWorld({ clock: manualClock(Date.UTC(2026, 10, 21)), seed });
  const seeded = seedSandboxWorld(world);
  const people = createScriptedPeople(world, seeded);
  const actions = Array.from({ length: steps }, () => people.step());
  return { world, seeded, actions };
}

describe('scripted people', () => {
  it('tell the same story for the same seed and a different one for another', () => {
    expect(story(3, 40).actions).toEqual(story(3, 40).actions);
    expect(story(3, 40).actions).not.toEqual(story(4, 40).actions);
  });

  it('write to the account and the bot, send real screenshots and join the channel', () => {
    const { world, seeded, actions } = story(11, 120);
    const kinds = new Set(actions.filter(Boolean).map((a) => a!.kind));
    for (const kind of ['write', 'screenshot', 'join']) expect(kinds).toContain(kind);
    expect(world.receivedBy(seeded.account.id).length).toBeGreaterThan(5);
    const shot = world.receivedBy(seeded.bot.id).find((m) => m.media)!;
    const image = PNG.sync.read(shot.media!.bytes);
    expect([image.width, image.height]).toEqual([360, 640]);
  });
});
