import type { SandboxWorld } from '../../world/world';
import type { InviteLink } from '../../world/types';
import { botApiUser } from './user';

export function botApiInviteLink(world: SandboxWorld, link: InviteLink) {
  return {
    invite_link: link.link,
    creator: botApiUser(world.user(link.creatorId)),
    creates_join_request: link.requestsApproval,
    is_primary: false,
    is_revoked: link.revoked,
    ...(link.title ? { name: link.title } : {}),
    ...(link.expiresAt !== null ? { expire_date: link.expiresAt } : {}),
    ...(link.usageLimit !== null ? { member_limit: link.usageLimit } : {}),
  };
}
