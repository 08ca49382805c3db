import { z } from 'zod';
import { SnapshotError } from '../world/snapshot';
import type { SandboxWorld } from '../world/world';
import type { SandboxBot, SandboxChat, SandboxUser } from '../world/types';

export interface SeededWorld {
  /** The personal account the desk signs in to (code in the sandbox console; 2FA password "sandbox"). */
  account: SandboxUser;
  /** A second account without two-factor, for trying multi-account work. */
  secondAccount: SandboxUser;
  bot: SandboxBot;
  channel: SandboxChat;
  group: SandboxChat;
  people: SandboxUser[];
}

const PEOPLE: [string, string, string | null][] = [
  ['Анна', 'Смирнова', 'anna_s'],
  ['Дмитрий', 'Иванов', null],
  ['Ольга', 'Кузнецова', 'olga_k'],
  ['Сергей', 'Попов', 'spopov'],
  ['Мария', 'Соколова', null],
  ['Alex', 'Turner', 'alex_t'],
  ['Emma', 'Wilson', 'emmaw'],
  ['Игорь', 'Лебедев', null],
  ['Nina', 'Park', 'nina_park'],
  ['Павел', 'Морозов', 'pavel_m'],
  ['Sofia', 'Rossi', null],
  ['Артём', 'Волков', 'artem_v'],
];

/**
 * The sandbox workspace's starting world. Phone numbers use Telegram's test-number range
 * (99966XYYYY), which never belongs to a real person.
 */
export function seedSandboxWorld(world: SandboxWorld): SeededWorld {
  const account = world.addUser({
    firstName: 'Desk',
    lastName: 'Operator',
    username: 'desk_operator',
    phone: '9996610001',
    twoFactor: { password: 'sandbox', hint: 'the word "sandbox"' },
  });
  const secondAccount = world.addUser({ firstName: 'Support', lastName: 'Line', username: 'support_line', phone: '9996610002' });
  const bot = world.addBot({ username: 'desk_demo_bot', firstName: 'Desk Demo Bot', ownerId: account.id });
  const people = PEOPLE.map(([firstName, lastName, username], i) =>
    world.addUser({
      firstName,
      lastName,
      username,
      phone: `99966200${String(i + 1).padStart(2, '0')}`,
      // A realistic mix: most can be invited, some only by contacts, some by nobody.
      privacy: { addToGroups: i % 5 === 3 ? 'nobody' : i % 4 === 2 ? 'contacts' : 'everybody', phoneNumber: i % 2 ? 'contacts' : 'everybody' },
    }),
  );
  const channel = world.createChat({ kind: 'channel', title: 'Desk Sandbox News', creatorId: account.id, username: 'desk_sandbox_news' });
  const group = world.createChat({ kind: 'supergroup', title: 'Desk Sandbox Community', creatorId: account.id });
  world.addMember(channel.id, bot.id, account.id);
  world.promote(channel.id, bot.id, account.id);
  for (const person of people.slice(0, 4)) world.addMember(channel.id, person.id, person.id);
  for (const person of people.slice(2, 7)) world.addMember(group.id, person.id, person.id);
  for (const person of people.slice(0, 6)) {
    world.addContact(account.id, person.id);
    world.addContact(person.id, account.id);
  }
  return { account, secondAccount, bot, channel, group, people };
}

/** The seeded cast by id, to find it again in a world restored from a snapshot. */
export const seededIdsSchema = z.object({
  accountId: z.number().int(),
  secondAccountId: z.number().int(),
  botId: z.number().int(),
  channelId: z.number().int(),
  groupId: z.number().int(),
  peopleIds: z.array(z.number().int()),
});

export type SeededIds = z.output<typeof seededIdsSchema>;

export function seededIds(seeded: SeededWorld): SeededIds {
  return {
    accountId: seeded.account.id,
    secondAccountId: seeded.secondAccount.id,
    botId: seeded.bot.id,
    channelId: seeded.channel.id,
    groupId: seeded.group.id,
    peopleIds: seeded.people.map((p) => p.id),
  };
}

/** The seeded cast in a restored world; a SnapshotError when the world lacks one of them. */
export function findSeeded(world: SandboxWorld, ids: SeededIds): SeededWorld {
  const user = (id: number) => world.findUser(id) ?? missing(`user ${id}`);
  const chat = (id: number) => world.findChat(id) ?? missing(`chat ${id}`);
  const bot = user(ids.botId);
  if (!bot.isBot) missing(`bot ${ids.botId}`);
  return {
    account: user(ids.accountId),
    secondAccount: user(ids.secondAccountId),
    bot: bot as SandboxBot,
    channel: chat(ids.channelId),
    group: chat(ids.groupId),
    people: ids.peopleIds.map(user),
  };
}

function missing(what: string): never {
  throw new SnapshotError(`The sandbox state is broken: the seeded ${what} is not in its world.`);
}
