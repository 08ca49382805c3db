import { DeskError } from '../../../shared/contract/result';
import type { SandboxWorld } from '../telegram/sandbox/world/world';

export interface ReadInput {
  personId: number;
  /** The sandbox account on the other side of the private chat. */
  accountId: number;
  /**
   * `person`: the person reads what the account wrote (the desk shows its messages as read).
   * `account`: the account reads the chat on another device, as on its phone (the desk's unread count follows).
   */
  reader: 'person' | 'account';
}

/** Someone reads a private chat between a person and a sandbox account up to its newest message. */
export function readPrivateChat(world: SandboxWorld, input: ReadInput): void {
  const readerId = input.reader === 'person' ? input.personId : input.accountId;
  const conversation = world.privateConversation(input.personId, input.accountId);
  const newest = world.history(readerId, conversation).find((m) => !m.action);
  if (!newest) throw new DeskError('conflict', 'Nothing to read: this person and this account have no messages yet.');
  world.readHistory(readerId, conversation, newest.uid);
}
