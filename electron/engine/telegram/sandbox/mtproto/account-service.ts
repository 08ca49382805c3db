import type { Api } from 'telegram';
import type { Conversation, SandboxChat, SandboxMessage, SandboxUser } from '../world/types';
import type { SandboxWorld } from '../world/world';
import { entities } from './entities';
import { apiMessage } from './message-view';
import { conversationOf, resolveChannel, resolvePeer, resolveUser, type Target } from './peers';
import type { SandboxMtproto } from './sandbox-mtproto';
import type { Session } from './session';

/** The server side of one signed-in session: who is asking, and the world seen through their eyes. */
export class AccountService {
  constructor(
    readonly server: SandboxMtproto,
    readonly session: Session,
    readonly me: SandboxUser,
  ) {}

  get world(): SandboxWorld {
    return this.server.world;
  }

  peer(input: unknown): { target: Target; conversation: Conversation } {
    const target = resolvePeer(this.world, this.me, input);
    return { target, conversation: conversationOf(this.world, this.me, target) };
  }

  user(input: unknown): SandboxUser {
    return resolveUser(this.world, this.me, input);
  }

  channel(input: unknown): SandboxChat {
    return resolveChannel(this.world, input);
  }

  view(message: SandboxMessage): Api.TypeMessage {
    return apiMessage(this.world, this.server.files, this.me.id, message);
  }

  entities(userIds: Iterable<number>, chatIds: Iterable<number> = []) {
    return entities(this.world, this.me.id, userIds, chatIds);
  }

  /** Users and chats a list of messages mentions, as a result's vectors. */
  entitiesOf(messages: SandboxMessage[], extraUsers: number[] = [], extraChats: number[] = []) {
    const userIds = [...extraUsers];
    const chatIds = [...extraChats];
    for (const message of messages) {
      userIds.push(message.senderId, ...(message.action?.userIds ?? []));
      if (message.conversation.kind === 'private') userIds.push(...message.conversation.userIds);
      else chatIds.push(message.conversation.chatId);
    }
    return this.entities(userIds, chatIds);
  }

  /** Changes the world on behalf of this session, so the updates it causes skip this session. */
  act<T>(change: () => T): T {
    this.server.hub.origin = this.session;
    try {
      return change();
    } finally {
      this.server.hub.origin = null;
    }
  }
}
