import { Api, errors } from 'telegram';
import type { PerformContext } from '../action-kind';
import { Refusal } from '../failures';

/** The account's InputChannel for `channel:ID`, from the access hash it saw. */
export function inputChannel(ctx: PerformContext, chatKey: string): Api.InputChannel {
  const peer = ctx.inputPeer(chatKey);
  if (!(peer instanceof Api.InputPeerChannel)) throw new Refusal('This works only in a channel or supergroup.');
  return new Api.InputChannel({ channelId: peer.channelId, accessHash: peer.accessHash });
}

/** The account's InputUser for a Telegram user id it has seen. */
export function inputUser(ctx: PerformContext, userId: number): Api.InputUser {
  const peer = ctx.inputPeer(`user:${userId}`);
  if (!(peer instanceof Api.InputPeerUser)) throw new Refusal(`Unknown person ${userId}.`);
  return new Api.InputUser({ userId: peer.userId, accessHash: peer.accessHash });
}

/** The user's InputPeer, as channels.getParticipant takes it. */
export function userPeer(ctx: PerformContext, userId: number): Api.TypeInputPeer {
  return ctx.inputPeer(`user:${userId}`);
}

/** Telegram's error name, when the error is one. */
export function rpcName(error: unknown): string | null {
  return error instanceof errors.RPCError ? error.errorMessage : null;
}
