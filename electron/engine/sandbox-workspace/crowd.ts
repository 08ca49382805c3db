import { DeskError } from '../../../shared/contract/result';
import type { SeededWorld } from '../telegram/sandbox/people/seed-world';
import type { SandboxUser } from '../telegram/sandbox/world/types';
import type { SandboxWorld } from '../telegram/sandbox/world/world';

export interface CrowdWriteInput {
  /** An account or the bot; defaults to the first account. */
  targetId?: number;
  count: number;
  /** How many different people share the messages (one conversation each). */
  senders: number;
  text: string;
}

/**
 * A crowd of simulated people writing at once: the traffic of a busy desk (a thousand messages
 * a second) delivered through the same MTProto and Bot API doors as any person's message, but
 * asked for in one call per burst instead of one call per message. The crowd are ordinary
 * sandbox people (crowd_1, crowd_2, …), created on first use and kept in the world.
 */
export function createCrowd(world: SandboxWorld, seeded: SeededWorld) {
  const members = new Map<number, SandboxUser>();
  // Continues across bursts, so each burst's messages go to the people next in line.
  let written = 0;

  const member = (n: number): SandboxUser => {
    let user = members.get(n);
    if (!user) {
      const username = `crowd_${n}`;
      user = world.userByUsername(username) ?? world.addUser({ firstName: 'Crowd', lastName: String(n), username });
      members.set(n, user);
    }
    return user;
  };

  return {
    write(input: CrowdWriteInput): { written: number } {
      const targets = [seeded.account, seeded.secondAccount, seeded.bot];
      const target = input.targetId === undefined ? seeded.account : targets.find((t) => t.id === input.targetId);
      if (!target) throw new DeskError('invalid_input', 'targetId: the crowd writes to an account or the bot.');
      for (let i = 0; i < input.count; i++) {
        const sender = member((written % input.senders) + 1);
        written++;
        world.sendMessage({ senderId: sender.id, conversation: world.privateConversation(sender.id, target.id), text: `${input.text} ${written}` });
      }
      return { written: input.count };
    },
  };
}
