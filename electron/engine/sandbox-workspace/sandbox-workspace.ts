import { renameSync } from 'node:fs';
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
import type { SandboxMessage, WorldEvent } from '../telegram/sandbox/world/types';
import { SandboxWorld } from '../telegram/sandbox/world/world';
import { createActivityFeed } from './feed';
import { readPrivateChat } from './read-actions';
import { idFloorKeeper } from './id-floors';
import { openSandbox, sandboxPaths } from './open-sandbox';
import { createWorldWriter } from './world-writer';

/** The same seed every time, so a fresh sandbox (first start, or after a reset) has the same people and ids. */
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
 * The sandbox workspace: a simulated Telegram living inside the engine, its front doors,
 * scripted people, and the console's actions and feed. Like Telegram's servers, it keeps its
 * state across the desk's restarts (in `stateFile`), so message ids, pts and update_ids go on
 * from where they were instead of clashing with what the desk has stored.
 */
export async function startSandboxWorkspace(options: {
  clock: Clock;
  logger: Logger;
  onActivity: (items: SandboxFeedItem[]) => void;
  /** The folder the simulated Telegram is kept in between runs (see world-file.ts). */
  dir: string;
}) {
  const log = options.logger.child({ scope: 'sandbox' });
  const paths = sandboxPaths(options.dir);
  const { file, restored, floors } = openSandbox(paths, options.clock, log);
  const world = restored?.world ?? new SandboxWorld({ clock: options.clock, seed: SANDBOX_SEED });
  if (!restored && floors) world.continueIdsFrom(floors);
  const seeded = restored?.seeded ?? seedSandboxWorld(world);
  const feed = createActivityFeed(world, options.onActivity);
  const people = createScriptedPeople(world, seeded);
  // Saving happens once per burst of changes (one synchronous run of the world, e.g. a crowd's
  // thousand messages), in a microtask queued at the burst's first event: subscribed before the
  // doors, it runs ahead of every update they push (microtasks queued later) and of every answer
  // (sent after the awaited method). The doors also save before each answer, for changes that
  // raise no event (a confirmed update, a bot's commands).
  const touched = { messages: [] as SandboxMessage[], userIds: [] as number[] };
  let save = (_everyone: boolean) => {};
  let queued = false;
  const stopSaving = world.subscribe((event) => {
    noteChanges(event, touched);
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      save(false);
    });
  });
  // Accounts in the sandbox workspace sign in through this front door (the accounts issue).
  const mtproto = new SandboxMtproto({
    world,
    restored: restored?.mtproto,
    keptLogs: restored?.keptLogs ?? undefined,
    // Someone trying the sandbox should not sit through Telegram's minute before "send by SMS".
    options: { codes: { resendTimeoutSeconds: 5 } },
    beforeAnswer: () => save(true),
  });
  const botApi = await createBotApiServer({
    world,
    restored: restored?.botApi,
    onInternalError: (error) => log.error({ err: error }, 'sandbox Bot API failed'),
    beforeAnswer: () => save(true),
  });
  const writer = createWorldWriter(file, { world, seeded, mtproto, botApi }, { restored: restored !== null && restored.keptLogs !== null });
  const floorKeeper = idFloorKeeper(paths.floors);
  let closed = false;
  save = (everyone) => {
    if (closed) return;
    try {
      floorKeeper.reserve(world.bookkeeping().counters);
      writer.touched({ messages: touched.messages.splice(0), userIds: touched.userIds.splice(0) });
      writer.flush(everyone);
    } catch (error) {
      log.error({ err: error, file: paths.world }, 'could not save the sandbox world');
    }
  };
  save(true);
  if (restored && !restored.keptLogs) renameSync(paths.legacy, `${paths.legacy}.imported`);
  log.info({ file: paths.world, restored: restored !== null }, restored ? 'sandbox world restored' : 'sandbox world seeded');
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
    /**
     * There is no internet in the sandbox: the operator's public webhook address is taken as
     * forwarding to the desk's local HTTP server, as their reverse proxy would in production.
     */
    forwardWebhooks: (publicBase: string, localBase: string) => botApi.forwardWebhooks(publicBase, localBase),
    /** Accounts and bots of the sandbox workspace talk to this world instead of Telegram. */
    telegram: (): TelegramEnvironment => ({
      kind: 'sandbox',
      mtproto: ({ session }) => mtproto.transport(session ? { sessionKey: session } : {}),
      botApiRoot: botApi.url,
      needsApiCredentials: false,
    }),
    imposeFloodWait(targetId: number, seconds: number): number {
      if (!targets().some((t) => t.id === targetId && t.kind === 'account')) throw new DeskError('not_found', `targetId: ${targetId} is not a sandbox account.`);
      mtproto.imposeFloodWait(targetId, seconds);
      return options.clock.now() + seconds * 1000;
    },
    imposePeerFlood(targetId: number, seconds: number): number {
      if (!targets().some((t) => t.id === targetId && t.kind === 'account')) throw new DeskError('not_found', `targetId: ${targetId} is not a sandbox account.`);
      mtproto.imposePeerFlood(targetId, seconds);
      return options.clock.now() + seconds * 1000;
    },
    readChat(input: { personId: number; targetId: number; reader: 'person' | 'account' }): void {
      if (!seeded.people.some((p) => p.id === input.personId)) throw new DeskError('not_found', `There is no simulated person with id ${input.personId}.`);
      if (!targets().some((t) => t.id === input.targetId && t.kind === 'account')) throw new DeskError('not_found', `targetId: ${input.targetId} is not a sandbox account.`);
      readPrivateChat(world, { personId: input.personId, accountId: input.targetId, reader: input.reader });
    },
    revokeSessions(targetId: number): number {
      const account = targets().find((t) => t.id === targetId && t.kind === 'account');
      if (!account) throw new DeskError('not_found', `targetId: ${targetId} is not a sandbox account.`);
      const revoked = mtproto.revokeSessionsOf(targetId);
      save(true);
      return revoked;
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
      stopSaving();
      mtproto.dispose();
      await botApi.close();
      save(true);
      closed = true;
      file.close();
    },
  };
}

export type SandboxWorkspace = Awaited<ReturnType<typeof startSandboxWorkspace>>;

/** What an event changed, for the writer: its messages, and the people whose rows they touch. */
function noteChanges(event: WorldEvent, into: { messages: SandboxMessage[]; userIds: number[] }): void {
  const messages = event.type === 'message.new' || event.type === 'message.edited' ? [event.message] : event.type === 'message.deleted' ? event.messages : [];
  for (const message of messages) {
    into.messages.push(message);
    // A message moves its sender's and each box owner's next message id.
    into.userIds.push(message.senderId, ...message.boxIds.keys());
  }
  if (event.type === 'member.changed') into.userIds.push(event.userId, event.byId);
  if (event.type === 'bot.blocked') into.userIds.push(event.userId);
}

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
    botToken: null,
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
    botToken: null,
  });
  return [
    account(seeded.account),
    account(seeded.secondAccount),
    { id: seeded.bot.id, kind: 'bot', name: seeded.bot.firstName, username: seeded.bot.username, phone: null, password: null, lastCode: null, sessions: 0, botToken: seeded.bot.token },
    chat(seeded.channel, 'channel'),
    chat(seeded.group, 'group'),
  ];
}
