import { Api } from 'telegram';
import { z } from 'zod';
import type { ActionKind, ActionResult } from '../action-kind';
import { membership } from './account-participant';
import { chatKeySchema, userIdSchema } from './chat-key';
import { inputChannel, inputUser, rpcName } from './mtproto-inputs';

const payload = z.object({ chatKey: chatKeySchema, userId: userIdSchema });

/** A person Telegram would not let in (their privacy), as messages.InvitedUsers lists them. */
export interface MissingInvitee {
  userId: number;
  /** Their privacy would let a Premium inviter add them. */
  premiumWouldAllowInvite: boolean;
  /** They accept messages only from Premium users, so an invite link cannot be sent to them either. */
  premiumRequiredForPm: boolean;
}

export interface InviteResult {
  invited: boolean;
  missing: MissingInvitee[];
}

/** What a refusal means for the person, said so the operator can act on it. */
const REFUSALS: Record<string, string> = {
  USER_PRIVACY_RESTRICTED: "This person's privacy settings do not allow them to be added to groups.",
  USER_NOT_MUTUAL_CONTACT: 'This person lets only their mutual contacts add them.',
  USER_CHANNELS_TOO_MUCH: 'This person is already in too many channels and supergroups.',
  USER_KICKED: 'This person was removed from the channel; unban them first.',
  USER_BANNED_IN_CHANNEL: 'This account may not add people to this channel.',
  CHAT_ADMIN_REQUIRED: 'This account needs the admin right to add members here.',
  USER_BOT: 'Bots can only be made admins of a channel, not invited.',
  INPUT_USER_DEACTIVATED: 'This person deleted their Telegram account.',
  USERS_TOO_MUCH: 'The channel has reached its member limit.',
};

const asMember: InviteResult = { invited: true, missing: [] };

/**
 * Adds a person to a channel or supergroup (channels.inviteToChannel). Telegram does not
 * deduplicate it, so after any earlier try the person's membership is checked first
 * (channels.getParticipant) and an invite that already took effect is recorded, not repeated.
 * Someone Telegram lists in missing_invitees is an outcome (sent, `invited: false`), not an error;
 * PEER_FLOOD benches the account and FLOOD_WAIT pauses it, as for any account action.
 */
export const accountInvite: ActionKind<z.infer<typeof payload>> = {
  name: 'channels.invite',
  sender: 'account',
  capAction: 'invite',
  payload,
  chatKey: () => null,
  async perform(ctx, p): Promise<ActionResult> {
    try {
      const answer = await ctx.transport!.invoke(new Api.channels.InviteToChannel({ channel: inputChannel(ctx, p.chatKey), users: [inputUser(ctx, p.userId)] }));
      const missing = answer.missingInvitees.map((m) => ({
        userId: Number(m.userId.toString()),
        premiumWouldAllowInvite: m.premiumWouldAllowInvite === true,
        premiumRequiredForPm: m.premiumRequiredForPm === true,
      }));
      return { data: { invited: !missing.some((m) => m.userId === p.userId), missing } satisfies InviteResult };
    } catch (error) {
      if (rpcName(error) === 'USER_ALREADY_PARTICIPANT') return { data: asMember, alreadyDone: true };
      throw error;
    }
  },
  async alreadyDone(ctx, p) {
    return (await membership(ctx, p)).member ? { data: asMember } : null;
  },
  classify(error) {
    const name = rpcName(error);
    const reason = name === null ? undefined : REFUSALS[name];
    return reason ? { kind: 'permanent', reason } : null;
  },
  afterInterruption: 'check',
};
