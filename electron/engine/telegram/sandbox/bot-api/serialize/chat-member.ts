import type { SandboxWorld } from '../../world/world';
import type { MemberStatus, SandboxChat } from '../../world/types';
import { botApiUser } from './user';

/** A ChatMember in the shape of its status, as the Bot API returns it. */
export function botApiChatMember(world: SandboxWorld, chat: SandboxChat, userId: number, status: MemberStatus = world.memberStatus(chat.id, userId)) {
  const user = botApiUser(world.user(userId));
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator': {
      const rights = chat.admins.get(userId);
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: rights?.deleteMessages ?? false,
        can_manage_video_chats: false,
        can_restrict_members: rights?.banUsers ?? false,
        can_promote_members: false,
        can_change_info: false,
        can_invite_users: rights?.inviteUsers ?? false,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        ...(chat.kind === 'channel' ? { can_post_messages: rights?.postMessages ?? false, can_edit_messages: false } : {}),
      };
    }
    case 'kicked':
      return { status, user, until_date: 0 };
    case 'member':
    case 'left':
      return { status, user };
  }
}
