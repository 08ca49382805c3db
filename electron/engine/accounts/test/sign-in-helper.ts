import type { AccountView, SignInStep } from '../../../../shared/domain/connections';
import type { SandboxUser } from '../../telegram/sandbox/world/types';
import { eventually, type accountsHarness, type sandboxWorld } from './harness';

type Harness = ReturnType<typeof accountsHarness>;

/** Signs `user` in through the service (with the 2FA password when there is one) and waits until online. */
export async function signIn(h: Harness, world: ReturnType<typeof sandboxWorld>, user: SandboxUser, reSignInId?: number): Promise<AccountView> {
  const step = (reSignInId ? await h.call('accounts.reSignIn', { id: reSignInId }) : await h.call('accounts.startSignIn', { phone: `+${user.phone}` })) as Extract<SignInStep, { step: 'code' }>;
  let next = await h.call('accounts.submitCode', { flowId: step.flowId, code: world.sandbox.lastCode(user.phone!)! });
  if (next.step === 'password') next = await h.call('accounts.submitPassword', { flowId: step.flowId, password: user.twoFactor!.password });
  if (next.step !== 'done') throw new Error(`sign-in stopped at ${next.step}`);
  const id = next.account.id;
  await eventually(() => stateOf(h, id) === 'online', `account ${id} online`);
  return next.account;
}

export function stateOf(h: Harness, id: number): string | undefined {
  return h.service.health().find((e) => e.id === id)?.state.status;
}

/** A person writes to the account's user in a private chat. */
export function write(world: ReturnType<typeof sandboxWorld>, from: SandboxUser, to: SandboxUser, text: string): void {
  world.world.sendMessage({ senderId: from.id, conversation: world.world.privateConversation(from.id, to.id), text });
}

/** Stored copies per Telegram message of one account: every value must be 1. */
export function storedCopies(h: Harness, accountId: number): { total: number; distinct: number } {
  return h.db
    .prepare(`SELECT count(*) AS total, count(DISTINCT chat_key || '#' || telegram_message_id) AS "distinct" FROM messages WHERE source_kind = 'account' AND source_id = ?`)
    .get(accountId) as { total: number; distinct: number };
}
