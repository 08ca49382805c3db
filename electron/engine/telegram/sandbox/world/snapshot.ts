import { z } from 'zod';
import type { SandboxBot, SandboxChat, SandboxFile, SandboxMessage, SandboxUser } from './types';

/**
 * The world as versioned JSON, so the sandbox keeps its state across restarts as Telegram's
 * servers do. Maps and Sets are written as arrays (of pairs), bigints as decimal strings,
 * file bytes as base64, and a message's media as its file's uniqueId.
 */
export const WORLD_SNAPSHOT_VERSION = 1;

export interface WorldCounters {
  nextUserId: number;
  nextBotId: number;
  nextGroupId: number;
  nextChannelId: number;
  nextUid: number;
  nextQueryId: number;
}

export interface CallbackAnswer {
  text: string | null;
  showAlert: boolean;
}

/** Everything a SandboxWorld holds, in its own in-memory form. */
export interface WorldContents {
  counters: WorldCounters;
  randomState: number;
  users: SandboxUser[];
  chats: SandboxChat[];
  files: SandboxFile[];
  messages: SandboxMessage[];
  callbackAnswers: Map<string, CallbackAnswer>;
  startedBots: Set<string>;
  /** The next update_id per bot: never reused, so a bot's committed offset stays valid. */
  botUpdateIds: Map<number, number>;
}

/** A snapshot (or a part of the sandbox's state file) that cannot be read back. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Throws a SnapshotError unless `data` is of `version` (checked first: the clearest message when it is not). */
export function expectVersion(data: unknown, version: number, what: string): void {
  const found = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (found !== version) throw new SnapshotError(`The ${what} has version ${String(found)}; this desk reads version ${version}.`);
}

/** Parses `data` with `schema`, or throws a SnapshotError naming `what` and every bad field. */
export function parseSnapshot<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new SnapshotError(`The ${what} is broken:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const int = z.number().int();
const long = z.string().regex(/^-?\d+$/).transform(BigInt);
const idSet = z.array(int).transform((ids) => new Set(ids));
const pairs = <K extends z.ZodType, V extends z.ZodType>(key: K, value: V) =>
  z.array(z.tuple([key, value])).transform((entries) => new Map(entries as [z.output<K>, z.output<V>][]));
const privacyRule = z.enum(['everybody', 'contacts', 'nobody']);

const userFields = {
  id: int,
  accessHash: long,
  firstName: z.string(),
  lastName: z.string(),
  username: z.string().nullable(),
  // Absent in snapshots written before the sandbox knew people's languages.
  languageCode: z.string().nullable().default(null),
  phone: z.string().nullable(),
  privacy: z.object({ addToGroups: privacyRule, phoneNumber: privacyRule }),
  twoFactor: z.object({ password: z.string(), hint: z.string() }).nullable(),
  banned: z.boolean(),
  contacts: idSet,
  blockedBots: idSet,
  channelCount: int,
  nextBoxId: int,
};
const userSchema = z.discriminatedUnion('isBot', [
  z.object({ ...userFields, isBot: z.literal(false) }),
  z.object({
    ...userFields,
    isBot: z.literal(true),
    token: z.string(),
    ownerId: int.nullable(),
    canJoinGroups: z.boolean(),
    commands: z.array(z.object({ command: z.string(), description: z.string() })),
  }),
]);

const rights = z.object({ inviteUsers: z.boolean(), postMessages: z.boolean(), deleteMessages: z.boolean(), banUsers: z.boolean() });
const chatSchema = z.object({
  id: int,
  accessHash: long,
  kind: z.enum(['group', 'supergroup', 'channel']),
  title: z.string(),
  username: z.string().nullable(),
  creatorId: int,
  admins: pairs(int, rights),
  members: idSet,
  kicked: idSet,
  joinRequests: idSet,
  inviteLinks: z.array(
    z.object({
      link: z.string(),
      creatorId: int,
      createdAt: int,
      expiresAt: int.nullable(),
      usageLimit: int.nullable(),
      usage: int,
      requestsApproval: z.boolean(),
      title: z.string().nullable(),
      revoked: z.boolean(),
    }),
  ),
  nextMessageId: int,
  pts: int,
  createdAt: int,
});

const fileSchema = z.object({
  uniqueId: z.string(),
  kind: z.enum(['photo', 'document', 'video', 'voice']),
  bytes: z.base64().transform((text) => Buffer.from(text, 'base64')),
  mimeType: z.string(),
  fileName: z.string().nullable(),
  width: int.nullable(),
  height: int.nullable(),
  duration: z.number().nullable(),
  uploadedBy: int,
  uploadedAt: int,
});

const messageSchema = z.object({
  uid: int,
  conversation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('private'), userIds: z.tuple([int, int]) }),
    z.object({ kind: z.literal('chat'), chatId: int }),
  ]),
  senderId: int,
  date: int,
  text: z.string(),
  /** The file's uniqueId; the file itself is in `files`. */
  media: z.string().nullable(),
  caption: z.string().nullable(),
  replyToUid: int.nullable(),
  inlineKeyboard: z.array(z.array(z.object({ text: z.string(), callbackData: z.string().optional(), url: z.string().optional() }))).nullable(),
  editDate: int.nullable(),
  editHistory: z.array(z.string()),
  deleted: z.boolean(),
  randomId: long.nullable(),
  channelMessageId: int.nullable(),
  boxIds: pairs(int, int),
  action: z.object({ type: z.enum(['chat_create', 'join', 'join_by_link', 'join_by_request', 'leave', 'add', 'kick']), userIds: z.array(int), inviterId: int.optional() }).nullable(),
});

const worldSchema = z.object({
  version: z.literal(WORLD_SNAPSHOT_VERSION),
  counters: z.object({ nextUserId: int, nextBotId: int, nextGroupId: int, nextChannelId: int, nextUid: int, nextQueryId: int }),
  randomState: int.nonnegative(),
  users: z.array(userSchema),
  chats: z.array(chatSchema),
  files: z.array(fileSchema),
  messages: z.array(messageSchema),
  callbackAnswers: pairs(z.string(), z.object({ text: z.string().nullable(), showAlert: z.boolean() })),
  startedBots: z.array(z.string()).transform((keys) => new Set(keys)),
  botUpdateIds: pairs(int, int),
});

/** The JSON form of a world. */
export type WorldSnapshot = z.input<typeof worldSchema>;

export function encodeWorld(world: WorldContents): WorldSnapshot {
  return {
    version: WORLD_SNAPSHOT_VERSION,
    counters: { ...world.counters },
    randomState: world.randomState,
    users: world.users.map(encodeUser),
    chats: world.chats.map(encodeChat),
    files: world.files.map(encodeFile),
    messages: world.messages.map(encodeMessage),
    callbackAnswers: [...world.callbackAnswers],
    startedBots: [...world.startedBots],
    botUpdateIds: [...world.botUpdateIds],
  };
}

type Encoded<K extends keyof WorldSnapshot> = WorldSnapshot[K] extends (infer T)[] ? T : never;

export function encodeUser(user: SandboxUser): Encoded<'users'> {
  const base = { ...user, accessHash: String(user.accessHash), contacts: [...user.contacts], blockedBots: [...user.blockedBots] };
  if (!user.isBot) return { ...base, isBot: false };
  const { token, ownerId, canJoinGroups, commands } = user as SandboxBot;
  return { ...base, isBot: true, token, ownerId, canJoinGroups, commands: commands.map((c) => ({ ...c })) };
}

export function encodeChat(chat: SandboxChat): Encoded<'chats'> {
  return {
    ...chat,
    accessHash: String(chat.accessHash),
    admins: [...chat.admins].map(([id, r]) => [id, { ...r }]),
    members: [...chat.members],
    kicked: [...chat.kicked],
    joinRequests: [...chat.joinRequests],
    inviteLinks: chat.inviteLinks.map((link) => ({ ...link })),
  };
}

export function encodeFile(file: SandboxFile): Encoded<'files'> {
  return { ...file, bytes: file.bytes.toString('base64') };
}

export function encodeMessage(message: SandboxMessage): Encoded<'messages'> {
  return {
    ...message,
    media: message.media?.uniqueId ?? null,
    randomId: message.randomId === null ? null : String(message.randomId),
    boxIds: [...message.boxIds],
  };
}

/** Reads a snapshot back; throws a SnapshotError on anything it cannot trust. */
export function decodeWorld(data: unknown): WorldContents {
  expectVersion(data, WORLD_SNAPSHOT_VERSION, 'sandbox world snapshot');
  const parsed = parseSnapshot(worldSchema, data, 'sandbox world snapshot');
  const files = new Map(parsed.files.map((file) => [file.uniqueId, file]));
  const messages = parsed.messages.map((message): SandboxMessage => {
    const media = message.media === null ? null : files.get(message.media);
    if (media === undefined) throw new SnapshotError(`The sandbox world snapshot is broken: message ${message.uid} has file ${message.media}, which it does not hold.`);
    return { ...message, media };
  });
  return { ...parsed, files: [...files.values()], messages };
}
