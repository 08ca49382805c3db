import { createHash } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import { LIMITS } from './limits';
import { seededRandom, type SeededRandom } from './random';
import { SandboxRuleError } from './rule-error';
import { decodeWorld, encodeWorld, type CallbackAnswer, type WorldContents, type WorldCounters, type WorldSnapshot } from './snapshot';
import type {
  AdminRights,
  ChatKind,
  Conversation,
  InlineButton,
  InviteLink,
  MediaKind,
  MemberStatus,
  PrivacySettings,
  SandboxBot,
  SandboxChat,
  SandboxFile,
  SandboxMessage,
  SandboxUser,
  TwoFactor,
  WorldEvent,
} from './types';

const FULL_RIGHTS: AdminRights = { inviteUsers: true, postMessages: true, deleteMessages: true, banUsers: true };
const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export interface NewUser {
  firstName: string;
  lastName?: string;
  username?: string | null;
  languageCode?: string | null;
  phone?: string | null;
  privacy?: Partial<PrivacySettings>;
  twoFactor?: TwoFactor | null;
}

export interface NewMessage {
  senderId: number;
  conversation: Conversation;
  text?: string;
  media?: SandboxFile | null;
  caption?: string | null;
  replyToUid?: number | null;
  inlineKeyboard?: InlineButton[][] | null;
  randomId?: bigint | null;
}

/**
 * The simulated Telegram: people, bots, chats and messages with Telegram's rules. Front doors
 * call it and listen to its events; tests read it directly to count what each person got.
 */
export class SandboxWorld {
  readonly clock: Clock;
  readonly random: SeededRandom;
  private readonly users = new Map<number, SandboxUser>();
  private readonly chats = new Map<number, SandboxChat>();
  private readonly messages = new Map<number, SandboxMessage>();
  private readonly files = new Map<string, SandboxFile>();
  private readonly listeners = new Set<(event: WorldEvent) => void>();
  private readonly callbackAnswers = new Map<string, CallbackAnswer>();
  /** Bots a person has started a private chat with (a bot cannot write first). */
  private readonly startedBots = new Set<string>();
  /** Per bot, the next Bot API update_id: kept by the world so it survives the door's restarts. */
  private readonly botUpdateIds = new Map<number, number>();
  private readonly counters: WorldCounters = {
    nextUserId: 1_000_001,
    nextBotId: 7_000_000_001,
    nextGroupId: 4_000_001,
    nextChannelId: 1_900_000_001,
    nextUid: 1,
    nextQueryId: 1,
  };

  constructor(options: { clock: Clock; seed?: number }) {
    this.clock = options.clock;
    this.random = seededRandom(options.seed ?? 1);
  }

  /**
   * Everything the world holds, as versioned JSON-ready data (see snapshot.ts). It shares
   * some objects with the live world, so serialize it before the world changes again.
   */
  snapshot(): WorldSnapshot {
    return encodeWorld({
      counters: this.counters,
      randomState: this.random.state(),
      users: this.allUsers(),
      chats: this.allChats(),
      files: this.allFiles(),
      messages: this.allMessages(),
      callbackAnswers: this.callbackAnswers,
      startedBots: this.startedBots,
      botUpdateIds: this.botUpdateIds,
    });
  }

  /**
   * The small parts of the world that are not users, chats, files or messages, as they are
   * (not copies): what a durable store writes beside those.
   */
  bookkeeping(): Pick<WorldContents, 'counters' | 'randomState' | 'callbackAnswers' | 'startedBots' | 'botUpdateIds'> {
    return {
      counters: this.counters,
      randomState: this.random.state(),
      callbackAnswers: this.callbackAnswers,
      startedBots: this.startedBots,
      botUpdateIds: this.botUpdateIds,
    };
  }

  /**
   * Makes the world's next user, bot, chat, message and callback query ids start at `floors`
   * at the least: a fresh world that replaces a lost one must not hand out the lost one's ids.
   */
  continueIdsFrom(floors: WorldCounters): void {
    for (const key of Object.keys(floors) as (keyof WorldCounters)[]) this.counters[key] = Math.max(this.counters[key], floors[key]);
  }

  /**
   * The world a snapshot describes, continuing its ids and its random sequence; throws a
   * SnapshotError when the data is of another version or broken.
   */
  static restore(data: unknown, options: { clock: Clock }): SandboxWorld {
    const contents = decodeWorld(data);
    const world = new SandboxWorld({ clock: options.clock, seed: contents.randomState });
    Object.assign(world.counters, contents.counters);
    for (const user of contents.users) world.users.set(user.id, user);
    for (const chat of contents.chats) world.chats.set(chat.id, chat);
    for (const file of contents.files) world.files.set(file.uniqueId, file);
    for (const message of contents.messages) world.messages.set(message.uid, message);
    for (const [queryId, answer] of contents.callbackAnswers) world.callbackAnswers.set(queryId, answer);
    for (const key of contents.startedBots) world.startedBots.add(key);
    for (const [botId, next] of contents.botUpdateIds) world.botUpdateIds.set(botId, next);
    return world;
  }

  /** Seconds, as Telegram dates are. */
  now(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  subscribe(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ---- people and bots ------------------------------------------------------------------

  addUser(input: NewUser): SandboxUser {
    if (input.username && this.userByUsername(input.username)) throw new SandboxRuleError('USERNAME_OCCUPIED');
    if (input.phone && this.userByPhone(input.phone)) throw new SandboxRuleError('PHONE_NUMBER_OCCUPIED');
    const user: SandboxUser = {
      id: this.counters.nextUserId++,
      accessHash: this.random.long(),
      isBot: false,
      firstName: input.firstName,
      lastName: input.lastName ?? '',
      username: input.username ?? null,
      languageCode: input.languageCode ?? null,
      phone: input.phone ? input.phone.replace(/\D/g, '') : null,
      privacy: { addToGroups: 'everybody', phoneNumber: 'contacts', ...input.privacy },
      twoFactor: input.twoFactor ?? null,
      banned: false,
      contacts: new Set(),
      blockedBots: new Set(),
      channelCount: 0,
      nextBoxId: 1,
    };
    this.users.set(user.id, user);
    return user;
  }

  addBot(input: { username: string; firstName: string; ownerId?: number | null; canJoinGroups?: boolean }): SandboxBot {
    if (!/bot$/i.test(input.username)) throw new SandboxRuleError('BOT_USERNAME_INVALID', 'A bot username must end in "bot".');
    if (this.userByUsername(input.username)) throw new SandboxRuleError('USERNAME_OCCUPIED');
    const id = this.counters.nextBotId++;
    const secret = Array.from({ length: 35 }, () => this.random.pick([...TOKEN_CHARS])).join('');
    const bot: SandboxBot = {
      id,
      accessHash: this.random.long(),
      isBot: true,
      firstName: input.firstName,
      lastName: '',
      username: input.username,
      languageCode: null,
      phone: null,
      privacy: { addToGroups: 'everybody', phoneNumber: 'nobody' },
      twoFactor: null,
      banned: false,
      contacts: new Set(),
      blockedBots: new Set(),
      channelCount: 0,
      nextBoxId: 1,
      token: `${id}:${secret}`,
      ownerId: input.ownerId ?? null,
      canJoinGroups: input.canJoinGroups ?? true,
      commands: [],
    };
    this.users.set(id, bot);
    return bot;
  }

  user(id: number): SandboxUser {
    const user = this.users.get(id);
    if (!user) throw new SandboxRuleError('PEER_ID_INVALID', `No user ${id}.`);
    return user;
  }

  findUser(id: number): SandboxUser | undefined {
    return this.users.get(id);
  }

  allUsers(): SandboxUser[] {
    return [...this.users.values()];
  }

  userByPhone(phone: string): SandboxUser | undefined {
    const digits = phone.replace(/\D/g, '');
    return [...this.users.values()].find((u) => u.phone === digits);
  }

  userByUsername(username: string): SandboxUser | undefined {
    const name = username.replace(/^@/, '').toLowerCase();
    return [...this.users.values()].find((u) => u.username?.toLowerCase() === name);
  }

  /** The bot's next Bot API update_id; they only grow, across restarts too, as Telegram's do. */
  nextBotUpdateId(botId: number): number {
    const id = this.botUpdateIds.get(botId) ?? 1;
    this.botUpdateIds.set(botId, id + 1);
    return id;
  }

  botByToken(token: string): SandboxBot | undefined {
    return [...this.users.values()].find((u): u is SandboxBot => u.isBot && (u as SandboxBot).token === token);
  }

  addContact(ownerId: number, contactId: number): void {
    this.user(ownerId).contacts.add(this.user(contactId).id);
  }

  removeContact(ownerId: number, contactId: number): void {
    this.user(ownerId).contacts.delete(contactId);
  }

  /** Whether `viewer` may see `subject`'s phone number under the subject's privacy. */
  phoneVisibleTo(subjectId: number, viewerId: number): boolean {
    const subject = this.user(subjectId);
    if (subjectId === viewerId) return true;
    if (subject.privacy.phoneNumber === 'everybody') return true;
    return subject.privacy.phoneNumber === 'contacts' && subject.contacts.has(viewerId);
  }

  setBotBlocked(userId: number, botId: number, blocked: boolean): void {
    const user = this.user(userId);
    if (user.blockedBots.has(botId) === blocked) return;
    if (blocked) user.blockedBots.add(botId);
    else user.blockedBots.delete(botId);
    this.emit({ type: 'bot.blocked', userId, botId, blocked });
  }

  // ---- chats ----------------------------------------------------------------------------

  createChat(input: { kind: ChatKind; title: string; creatorId: number; username?: string | null; memberIds?: number[] }): SandboxChat {
    const channelLike = input.kind !== 'group';
    const chat: SandboxChat = {
      id: channelLike ? this.counters.nextChannelId++ : this.counters.nextGroupId++,
      accessHash: this.random.long(),
      kind: input.kind,
      title: input.title,
      username: input.username ?? null,
      creatorId: input.creatorId,
      admins: new Map([[input.creatorId, FULL_RIGHTS]]),
      members: new Set([input.creatorId]),
      kicked: new Set(),
      joinRequests: new Set(),
      inviteLinks: [],
      nextMessageId: 1,
      pts: 1,
      createdAt: this.now(),
    };
    this.chats.set(chat.id, chat);
    if (channelLike) this.user(input.creatorId).channelCount++;
    this.postService(chat, input.creatorId, { type: 'chat_create', userIds: [input.creatorId] });
    for (const memberId of input.memberIds ?? []) this.addMember(chat.id, memberId, input.creatorId);
    return chat;
  }

  chat(id: number): SandboxChat {
    const chat = this.chats.get(id);
    if (!chat) throw new SandboxRuleError('CHANNEL_INVALID', `No chat ${id}.`);
    return chat;
  }

  findChat(id: number): SandboxChat | undefined {
    return this.chats.get(id);
  }

  chatByUsername(username: string): SandboxChat | undefined {
    const name = username.replace(/^@/, '').toLowerCase();
    return [...this.chats.values()].find((c) => c.username?.toLowerCase() === name);
  }

  allChats(): SandboxChat[] {
    return [...this.chats.values()];
  }

  memberStatus(chatId: number, userId: number): MemberStatus {
    const chat = this.chat(chatId);
    if (chat.creatorId === userId && chat.members.has(userId)) return 'creator';
    if (chat.kicked.has(userId)) return 'kicked';
    if (!chat.members.has(userId)) return 'left';
    return chat.admins.has(userId) ? 'administrator' : 'member';
  }

  adminRights(chatId: number, userId: number): AdminRights | null {
    const chat = this.chat(chatId);
    return chat.members.has(userId) ? (chat.admins.get(userId) ?? null) : null;
  }

  /**
   * `byId` adds `userId` (or the user joins, when they are the same person). Telegram's rules:
   * a banned user cannot come back, privacy decides who may add whom, 500 channels at most,
   * and only admins with the right may add people to a channel. Telegram's service message tells
   * how they came: added, joined, joined by a link (naming its creator) or by an approved request.
   */
  addMember(chatId: number, userId: number, byId: number, viaLink: string | null = null, byRequest = false): void {
    const chat = this.chat(chatId);
    const user = this.user(userId);
    if (chat.members.has(userId)) throw new SandboxRuleError('USER_ALREADY_PARTICIPANT');
    if (chat.kicked.has(userId)) throw new SandboxRuleError(byId === userId ? 'CHANNEL_PRIVATE' : 'USER_KICKED');
    if (byId !== userId) {
      if (!chat.members.has(byId)) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
      const rights = chat.admins.get(byId);
      if (chat.kind === 'channel' && !rights?.inviteUsers) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
      if (user.isBot && !(user as SandboxBot).canJoinGroups) throw new SandboxRuleError('BOT_GROUPS_BLOCKED');
      this.checkAddPrivacy(user, byId);
    }
    if (chat.kind !== 'group' && user.channelCount >= LIMITS.channelsPerUser) throw new SandboxRuleError('USER_CHANNELS_TOO_MUCH');
    if (chat.kind === 'group' && chat.members.size >= LIMITS.basicGroupMembers) throw new SandboxRuleError('USERS_TOO_MUCH');

    const before = this.memberStatus(chatId, userId);
    chat.members.add(userId);
    chat.joinRequests.delete(userId);
    if (chat.kind !== 'group') user.channelCount++;
    this.postService(chat, byId, this.joinAction(chat, userId, byId, viaLink, byRequest));
    this.emit({ type: 'member.changed', chatId, userId, before, after: this.memberStatus(chatId, userId), byId, viaLink });
  }

  private joinAction(chat: SandboxChat, userId: number, byId: number, viaLink: string | null, byRequest: boolean): NonNullable<SandboxMessage['action']> {
    if (byId !== userId) return { type: 'add', userIds: [userId] };
    if (byRequest) return { type: 'join_by_request', userIds: [userId] };
    const link = viaLink === null ? undefined : chat.inviteLinks.find((l) => l.link === viaLink);
    if (link) return { type: 'join_by_link', userIds: [userId], inviterId: link.creatorId };
    return { type: 'join', userIds: [userId] };
  }

  private checkAddPrivacy(user: SandboxUser, inviterId: number): void {
    const rule = user.privacy.addToGroups;
    if (rule === 'everybody') return;
    if (rule === 'contacts' && user.contacts.has(inviterId)) return;
    // The inviter saved them but they did not save the inviter: Telegram names that case.
    if (rule === 'contacts' && this.user(inviterId).contacts.has(user.id)) throw new SandboxRuleError('USER_NOT_MUTUAL_CONTACT');
    throw new SandboxRuleError('USER_PRIVACY_RESTRICTED');
  }

  removeMember(chatId: number, userId: number, byId: number, options: { ban?: boolean } = {}): void {
    const chat = this.chat(chatId);
    if (byId !== userId && !chat.admins.get(byId)?.banUsers) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
    const before = this.memberStatus(chatId, userId);
    if (chat.members.delete(userId) && chat.kind !== 'group') this.user(userId).channelCount--;
    chat.admins.delete(userId);
    if (options.ban) chat.kicked.add(userId);
    if (before === 'left' && !options.ban) return;
    this.postService(chat, byId, { type: byId === userId ? 'leave' : 'kick', userIds: [userId] });
    this.emit({ type: 'member.changed', chatId, userId, before, after: this.memberStatus(chatId, userId), byId, viaLink: null });
  }

  unban(chatId: number, userId: number): void {
    this.chat(chatId).kicked.delete(userId);
  }

  promote(chatId: number, userId: number, byId: number, rights: Partial<AdminRights> = FULL_RIGHTS): void {
    const chat = this.chat(chatId);
    if (chat.creatorId !== byId) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
    if (!chat.members.has(userId)) throw new SandboxRuleError('USER_NOT_PARTICIPANT');
    const before = this.memberStatus(chatId, userId);
    chat.admins.set(userId, { inviteUsers: false, postMessages: false, deleteMessages: false, banUsers: false, ...rights });
    this.emit({ type: 'member.changed', chatId, userId, before, after: 'administrator', byId, viaLink: null });
  }

  createInviteLink(
    chatId: number,
    creatorId: number,
    options: { expiresAt?: number | null; usageLimit?: number | null; requestsApproval?: boolean; title?: string | null } = {},
  ): InviteLink {
    const chat = this.chat(chatId);
    if (!chat.admins.get(creatorId)?.inviteUsers) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
    const link: InviteLink = {
      link: `https://t.me/+${Buffer.from(this.random.hex(12), 'hex').toString('base64url')}`,
      creatorId,
      createdAt: this.now(),
      expiresAt: options.expiresAt ?? null,
      usageLimit: options.usageLimit ?? null,
      usage: 0,
      requestsApproval: options.requestsApproval ?? false,
      title: options.title ?? null,
      revoked: false,
    };
    chat.inviteLinks.push(link);
    return link;
  }

  /** A person opens an invite link: joins, or waits for approval when the link asks for it. */
  joinByLink(userId: number, url: string): { chat: SandboxChat; joined: boolean } {
    const hash = url.replace(/^https?:\/\/t\.me\/(\+|joinchat\/)/, '');
    for (const chat of this.chats.values()) {
      const link = chat.inviteLinks.find((l) => l.link.endsWith(hash));
      if (!link) continue;
      if (link.revoked || (link.expiresAt !== null && link.expiresAt <= this.now())) throw new SandboxRuleError('INVITE_HASH_EXPIRED');
      if (link.usageLimit !== null && link.usage >= link.usageLimit) throw new SandboxRuleError('USERS_TOO_MUCH');
      if (link.requestsApproval) {
        chat.joinRequests.add(userId);
        this.emit({ type: 'join.requested', chatId: chat.id, userId, link: link.link });
        return { chat, joined: false };
      }
      this.addMember(chat.id, userId, userId, link.link);
      link.usage++;
      return { chat, joined: true };
    }
    throw new SandboxRuleError('INVITE_HASH_INVALID');
  }

  approveJoinRequest(chatId: number, userId: number, byId: number): void {
    const chat = this.chat(chatId);
    if (!chat.admins.get(byId)?.inviteUsers) throw new SandboxRuleError('CHAT_ADMIN_REQUIRED');
    if (!chat.joinRequests.has(userId)) throw new SandboxRuleError('HIDE_REQUESTER_MISSING');
    this.addMember(chatId, userId, userId, null, true);
  }

  // ---- messages -------------------------------------------------------------------------

  /** The people a conversation's messages reach (including the sender). */
  participants(conversation: Conversation): number[] {
    return conversation.kind === 'private' ? [...conversation.userIds] : [...this.chat(conversation.chatId).members];
  }

  privateConversation(a: number, b: number): Conversation {
    return { kind: 'private', userIds: a < b ? [a, b] : [b, a] };
  }

  /** A person presses Start in a bot's chat (or writes to it): the bot may now write back. */
  startBot(userId: number, botId: number): void {
    this.startedBots.add(`${userId}:${botId}`);
  }

  sendMessage(input: NewMessage): SandboxMessage {
    const sender = this.user(input.senderId);
    if (input.randomId != null) {
      const original = this.findByRandomId(input.senderId, input.conversation, input.randomId);
      if (original) return original;
    }
    const text = input.text ?? '';
    if (!input.media && text.trim() === '') throw new SandboxRuleError('MESSAGE_EMPTY');
    if (text.length > LIMITS.messageLength) throw new SandboxRuleError('MESSAGE_TOO_LONG');
    if ((input.caption ?? '').length > LIMITS.captionLength) throw new SandboxRuleError('MEDIA_CAPTION_TOO_LONG');
    this.checkMayWrite(sender, input.conversation);

    const message: SandboxMessage = {
      uid: this.counters.nextUid++,
      conversation: input.conversation,
      senderId: sender.id,
      date: this.now(),
      text,
      media: input.media ?? null,
      caption: input.caption ?? null,
      replyToUid: input.replyToUid ?? null,
      inlineKeyboard: input.inlineKeyboard ?? null,
      editDate: null,
      editHistory: [],
      deleted: false,
      randomId: input.randomId ?? null,
      channelMessageId: null,
      boxIds: new Map(),
      action: null,
    };
    this.place(message);
    if (input.conversation.kind === 'private') {
      const other = input.conversation.userIds.find((id) => id !== sender.id) ?? sender.id;
      if (this.user(other).isBot) this.startBot(sender.id, other);
    }
    this.emit({ type: 'message.new', message });
    return message;
  }

  private checkMayWrite(sender: SandboxUser, conversation: Conversation): void {
    if (conversation.kind === 'private') {
      const [a, b] = conversation.userIds;
      const otherId = a === sender.id ? b : a;
      if (otherId !== sender.id && !conversation.userIds.includes(sender.id)) throw new SandboxRuleError('PEER_ID_INVALID');
      const other = this.user(otherId);
      if (sender.isBot && other.blockedBots.has(sender.id)) throw new SandboxRuleError('USER_IS_BLOCKED');
      if (sender.isBot && other.isBot) throw new SandboxRuleError('USER_IS_BOT');
      if (sender.isBot && !this.startedBots.has(`${other.id}:${sender.id}`)) throw new SandboxRuleError('BOT_CANT_INITIATE');
      return;
    }
    const chat = this.chat(conversation.chatId);
    if (chat.kicked.has(sender.id)) throw new SandboxRuleError('USER_BANNED_IN_CHANNEL');
    if (!chat.members.has(sender.id)) throw new SandboxRuleError(chat.kind === 'group' ? 'CHAT_WRITE_FORBIDDEN' : 'CHANNEL_PRIVATE');
    if (chat.kind === 'channel' && !chat.admins.get(sender.id)?.postMessages) throw new SandboxRuleError('CHAT_WRITE_FORBIDDEN');
  }

  private findByRandomId(senderId: number, conversation: Conversation, randomId: bigint): SandboxMessage | undefined {
    const key = conversationKey(conversation);
    for (const message of this.messages.values()) {
      if (message.senderId === senderId && message.randomId === randomId && conversationKey(message.conversation) === key) return message;
    }
    return undefined;
  }

  /** Gives the message the ids each viewer sees: one per box, or the channel's own. */
  private place(message: SandboxMessage): void {
    if (message.conversation.kind === 'chat') {
      const chat = this.chat(message.conversation.chatId);
      if (chat.kind !== 'group') {
        message.channelMessageId = chat.nextMessageId++;
        chat.pts++;
        this.messages.set(message.uid, message);
        return;
      }
    }
    for (const id of new Set(this.participants(message.conversation))) message.boxIds.set(id, this.user(id).nextBoxId++);
    this.messages.set(message.uid, message);
  }

  private postService(chat: SandboxChat, actorId: number, action: NonNullable<SandboxMessage['action']>): void {
    const message: SandboxMessage = {
      uid: this.counters.nextUid++,
      conversation: { kind: 'chat', chatId: chat.id },
      senderId: actorId,
      date: this.now(),
      text: '',
      media: null,
      caption: null,
      replyToUid: null,
      inlineKeyboard: null,
      editDate: null,
      editHistory: [],
      deleted: false,
      randomId: null,
      channelMessageId: null,
      boxIds: new Map(),
      action,
    };
    this.place(message);
    this.emit({ type: 'message.new', message });
  }

  message(uid: number): SandboxMessage {
    const message = this.messages.get(uid);
    if (!message || message.deleted) throw new SandboxRuleError('MESSAGE_ID_INVALID');
    return message;
  }

  /** The id `viewerId` sees for a message, or null when it is not in their view. */
  viewId(message: SandboxMessage, viewerId: number): number | null {
    return message.channelMessageId ?? message.boxIds.get(viewerId) ?? null;
  }

  /** The message `viewerId` knows by `id` in `conversation`. */
  messageByViewId(viewerId: number, conversation: Conversation, id: number): SandboxMessage | undefined {
    const key = conversationKey(conversation);
    for (const message of this.messages.values()) {
      if (conversationKey(message.conversation) === key && this.viewId(message, viewerId) === id) return message;
    }
    return undefined;
  }

  editMessage(uid: number, editorId: number, changes: { text?: string; caption?: string; inlineKeyboard?: InlineButton[][] | null }): SandboxMessage {
    const message = this.message(uid);
    if (message.senderId !== editorId) throw new SandboxRuleError('MESSAGE_AUTHOR_REQUIRED');
    if (changes.text !== undefined) {
      if (changes.text.length > LIMITS.messageLength) throw new SandboxRuleError('MESSAGE_TOO_LONG');
      if (changes.text === message.text && changes.inlineKeyboard === undefined) throw new SandboxRuleError('MESSAGE_NOT_MODIFIED');
      message.editHistory.push(message.text);
      message.text = changes.text;
    }
    if (changes.caption !== undefined) message.caption = changes.caption;
    if (changes.inlineKeyboard !== undefined) message.inlineKeyboard = changes.inlineKeyboard;
    message.editDate = this.now();
    this.emit({ type: 'message.edited', message });
    return message;
  }

  deleteMessages(uids: number[], byId: number): SandboxMessage[] {
    const deleted: SandboxMessage[] = [];
    for (const uid of uids) {
      const message = this.messages.get(uid);
      if (!message || message.deleted) continue;
      const chat = message.conversation.kind === 'chat' ? this.chat(message.conversation.chatId) : null;
      const mayDelete = message.senderId === byId || (chat?.admins.get(byId)?.deleteMessages ?? false) || message.conversation.kind === 'private';
      if (!mayDelete) throw new SandboxRuleError('MESSAGE_DELETE_FORBIDDEN');
      message.deleted = true;
      deleted.push(message);
    }
    if (deleted.length > 0) this.emit({ type: 'message.deleted', messages: deleted });
    return deleted;
  }

  readHistory(readerId: number, conversation: Conversation, maxUid: number): void {
    this.emit({ type: 'history.read', readerId, conversation, maxUid });
  }

  /** Messages of a conversation as `viewerId` sees them, newest first. */
  history(viewerId: number, conversation: Conversation): SandboxMessage[] {
    const key = conversationKey(conversation);
    return [...this.messages.values()]
      .filter((m) => !m.deleted && conversationKey(m.conversation) === key && this.viewId(m, viewerId) !== null)
      .reverse();
  }

  /** Every conversation `userId` has, with its newest message. */
  conversationsOf(userId: number): { conversation: Conversation; last: SandboxMessage }[] {
    const latest = new Map<string, SandboxMessage>();
    for (const message of this.messages.values()) {
      if (message.deleted || this.viewId(message, userId) === null) continue;
      if (message.conversation.kind === 'chat' && !this.chat(message.conversation.chatId).members.has(userId)) continue;
      latest.set(conversationKey(message.conversation), message);
    }
    return [...latest.values()].sort((a, b) => b.uid - a.uid).map((last) => ({ conversation: last.conversation, last }));
  }

  /** Everything a person was sent by others (what a test counts to prove no duplicates or losses). */
  receivedBy(userId: number): SandboxMessage[] {
    return [...this.messages.values()].filter(
      (m) => !m.action && m.senderId !== userId && this.participants(m.conversation).includes(userId),
    );
  }

  allMessages(): SandboxMessage[] {
    return [...this.messages.values()];
  }

  // ---- buttons --------------------------------------------------------------------------

  pressButton(userId: number, messageUid: number, data: string): string {
    const message = this.message(messageUid);
    const exists = message.inlineKeyboard?.some((row) => row.some((b) => b.callbackData === data));
    if (!exists) throw new SandboxRuleError('DATA_INVALID');
    const queryId = String(BigInt(this.counters.nextQueryId++) * 4_294_967_311n);
    this.emit({ type: 'callback.pressed', queryId, userId, message, data });
    return queryId;
  }

  answerCallback(queryId: string, answer: { text: string | null; showAlert: boolean }): void {
    if (this.callbackAnswers.has(queryId)) throw new SandboxRuleError('QUERY_ID_INVALID');
    this.callbackAnswers.set(queryId, answer);
  }

  callbackAnswer(queryId: string) {
    return this.callbackAnswers.get(queryId);
  }

  // ---- files ----------------------------------------------------------------------------

  storeFile(input: {
    kind: MediaKind;
    bytes: Buffer;
    mimeType: string;
    uploadedBy: number;
    fileName?: string | null;
    width?: number | null;
    height?: number | null;
    duration?: number | null;
  }): SandboxFile {
    const uniqueId = createHash('sha256').update(input.bytes).digest('base64url').slice(0, 16);
    const existing = this.files.get(uniqueId);
    if (existing) return existing;
    const file: SandboxFile = {
      uniqueId,
      kind: input.kind,
      bytes: input.bytes,
      mimeType: input.mimeType,
      fileName: input.fileName ?? null,
      width: input.width ?? null,
      height: input.height ?? null,
      duration: input.duration ?? null,
      uploadedBy: input.uploadedBy,
      uploadedAt: this.now(),
    };
    this.files.set(uniqueId, file);
    return file;
  }

  file(uniqueId: string): SandboxFile | undefined {
    return this.files.get(uniqueId);
  }

  allFiles(): SandboxFile[] {
    return [...this.files.values()];
  }
}

export function conversationKey(conversation: Conversation): string {
  return conversation.kind === 'private' ? `p:${conversation.userIds[0]}:${conversation.userIds[1]}` : `c:${conversation.chatId}`;
}
