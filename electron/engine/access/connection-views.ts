import type { AccountView, BotView } from '../../../shared/domain/connections';

/**
 * What an operator who is not an admin sees of an account they may work: enough to tell it
 * apart and to know whether it is online. The desk's phone numbers stay with the admins; the
 * last four digits are kept so two nameless accounts can still be told apart.
 */
export function operatorAccountView(account: AccountView): AccountView {
  return { ...account, phone: maskPhone(account.phone) };
}

/** A bot's own Bot API server address and its webhook's public address are the admin's setup, not the operator's business. */
export function operatorBotView(bot: BotView): BotView {
  return { ...bot, apiServer: null, webhook: null };
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••${digits.slice(-4)}`;
}
