import { DeskError } from '../../../shared/contract/result';
import type { SandboxAction, SandboxFeedItem, SandboxStatus, SandboxTarget, SandboxTargetKind } from '../../../shared/domain/sandbox';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { TelegramEnvironment } from '../telegram/environment';
import { createBotApiServer } from '../telegram/sandbox/bot-api/index';
import { SandboxMtproto } from '../telegram/sandbox/mtproto/index';
import { createScriptedPeople } from '../telegram/sandbox/people/scripted-people';
import { drawScreenshot } from '../telegram/sandbox/people/screenshot-image';
import { seedSandboxWorld, type SeededWorld } from '../telegram/sandbox/people/seed-world';
import { SandboxRuleError } from '../telegram/sandbox/world/rule-error';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { createActivityFeed } from './feed';

/** The same seed every time, so the workspace's people and ids are stable across restarts. */
export const SANDBOX_SEED = 20261121;

export interface ActInput {
  personId: number;
  action: SandboxAction;
  targetId?: number;
  text?: string;
}

const TARGET_KINDS: Record<SandboxAction, SandboxTargetKind[]> = {
  write: ['account', 'bot'],
  screenshot: ['bot', 'account'],
  join: ['channel', 'group'],
  leave: ['channel', 'group'],
  block: ['bot'],
  unblock: ['bot'],
};

/**
 * The sandbox workspace: a seeded simulated Telegram living inside the engine, its front
 * doors, scripted people, and the console's actions and feed.
 */
export async function startSandboxWorkspace(options: {
  clock: Clock;
  logger: Logger;
  onActivity: (items: SandboxFeedItem[]) => void;
}) {
  const world = new SandboxWorld({ clock: options.clock, seed: SANDBOX_SEED });
  const seeded = seedSandboxWorld(world);
  const feed = createActivityFeed(world, options.onActivity);
  const people = createScriptedPeople(world, seeded);
  const log = options.logger.child({ scope: 'sandbox' });
  // Accounts in the sandbox workspace sign in through this front door (the accounts issue).
  const mtproto = new SandboxMtproto({ world });
  const botApi = await createBotApiServer({ world, onInternalError: (error) => log.error({ err: error }, 'sandbox Bot API failed') });
  let autoActivity = { enabled: false, everySeconds: 5 };
  log.info({ url: botApi.url }, 'sandbox Bot API listening');

  const targets = (): SandboxTarget[] =>
    describeTargets(seeded).map((t) =>
      t.kind === 'account' && t.phone
        ? { ...t, lastCode: mtproto.lastCode(t.phone.slice(1)) ?? null, sessions: mtproto.sessionCount(t.id) }
        : t,
    );

  function act(input: ActInput): SandboxFeedItem {
    const person = seeded.people.find((p) => p.id === input.personId);
    if (!person) throw new DeskError('not_found', `There is no simulated person with id ${input.personId}.`);
    const kinds = TARGET_KINDS[input.action];
    const target = targets().find((t) => (input.targetId === undefined || t.id === input.targetId) && kinds.includes(t.kind));
    if (!target) throw new DeskError('invalid_input', `targetId: ${input.action} needs a ${kinds.join(' or ')}.`);

    const before = feed.items()[0]?.id ?? 0;
    try {
      perform(input, person.id, target);
    } catch (error) {
      if (error instanceof SandboxRuleError) throw new DeskError('conflict', `Telegram refused: ${error.code}`);
      throw error;
    }
    const produced = feed.items().find((item) => item.id > before);
    if (!produced) throw new DeskError('conflict', 'Nothing changed (already in that state).');
    return produced;
  }

  function perform(input: ActInput, personId: number, target: SandboxTarget): void {
    const conversation = world.privateConversation(personId, target.id);
    switch (input.action) {
      case 'write':
        if (!input.text) throw new DeskError('invalid_input', 'text: a message needs text.');
        world.sendMessage({ senderId: personId, conversation, text: input.text });
        return;
      case 'screenshot': {
        const bytes = drawScreenshot(world.random);
        const media = world.storeFile({ kind: 'photo', bytes, mimeType: 'image/png', uploadedBy: personId, width: 360, height: 640 });
        world.sendMessage({ senderId: personId, conversation, media, caption: input.text ?? null });
        return;
      }
      case 'join':
        world.addMember(target.id, personId, personId);
        return;
      case 'leave':
        world.removeMember(target.id, personId, personId);
        return;
      case 'block':
      case 'unblock':
        world.setBotBlocked(personId, target.id, input.action === 'block');
        return;
    }
  }

  return {
    world,
    seeded,
    mtproto,
    act,
    /** Accounts and bots of the sandbox workspace talk to this world instead of Telegram. */
    telegram: (): TelegramEnvironment => ({
      kind: 'sandbox',
      mtproto: ({ session }) => mtproto.transport(session ? { sessionKey: session } : {}),
      botApiRoot: botApi.url,
      needsApiCredentials: false,
    }),
    revokeSessions(targetId: number): number {
      const account = targets().find((t) => t.id === targetId && t.kind === 'account');
      if (!account) throw new DeskError('not_found', `targetId: ${targetId} is not a sandbox account.`);
      return mtproto.revokeSessionsOf(targetId);
    },
    status(): SandboxStatus {
      return {
        active: true,
        botApiUrl: botApi.url,
        people: seeded.people.map((p) => ({
          id: p.id,
          name: [p.firstName, p.lastName].filter(Boolean).join(' '),
          username: p.username,
          phone: p.phone ? `+${p.phone}` : null,
          addToGroups: p.privacy.addToGroups,
          inChannel: world.memberStatus(seeded.channel.id, p.id) === 'member',
          blockedBot: p.blockedBots.has(seeded.bot.id),
        })),
        targets: targets(),
        feed: feed.items(),
        autoActivity,
      };
    },
    setAutoActivity(next: { enabled: boolean; everySeconds: number }) {
      people.stop();
      autoActivity = next;
      if (next.enabled) people.start(next.everySeconds * 1000);
      return autoActivity;
    },
    async stop() {
      people.stop();
      feed.stop();
      mtproto.dispose();
      await botApi.close();
    },
  };
}

export type SandboxWorkspace = Awaited<ReturnType<typeof startSandboxWorkspace>>;

function describeTargets(seeded: SeededWorld): SandboxTarget[] {
  const account = (user: SeededWorld['account']): SandboxTarget => ({
    id: user.id,
    kind: 'account',
    name: [user.firstName, user.lastName].filter(Boolean).join(' '),
    username: user.username,
    phone: user.phone ? `+${user.phone}` : null,
    password: user.twoFactor?.password ?? null,
    lastCode: null,
    sessions: 0,
  });
  const chat = (c: SeededWorld['channel'], kind: 'channel' | 'group'): SandboxTarget => ({
    id: c.id,
    kind,
    name: c.title,
    username: c.username,
    phone: null,
    password: null,
    lastCode: null,
    sessions: 0,
  });
  return [
    account(seeded.account),
    account(seeded.secondAccount),
    { id: seeded.bot.id, kind: 'bot', name: seeded.bot.firstName, username: seeded.bot.username, phone: null, password: null, lastCode: null, sessions: 0 },
    chat(seeded.channel, 'channel'),
    chat(seeded.group, 'group'),
  ];
}
