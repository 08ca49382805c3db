import { Api } from 'telegram';
import { toLong } from '../long';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

export const inviteRoutes = [
  userRoute(Api.messages.ExportChatInvite, (account, request) => {
    const { target } = account.peer(request.peer);
    if (target.kind !== 'chat') fail('PEER_ID_INVALID');
    const link = account.world.createInviteLink(target.chat.id, account.me.id, {
      expiresAt: request.expireDate ?? null,
      usageLimit: request.usageLimit ?? null,
      requestsApproval: request.requestNeeded ?? false,
      title: request.title ?? null,
    });
    return new Api.ChatInviteExported({
      link: link.link,
      adminId: toLong(link.creatorId),
      date: link.createdAt,
      expireDate: link.expiresAt ?? undefined,
      usageLimit: link.usageLimit ?? undefined,
      usage: link.usage,
      requestNeeded: link.requestsApproval,
      title: link.title ?? undefined,
    });
  }),
];
