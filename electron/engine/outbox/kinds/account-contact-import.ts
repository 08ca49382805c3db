import bigInt from 'big-integer';
import { Api } from 'telegram';
import { z } from 'zod';
import { upsertAccountEntities } from '../../telegram/entities/account-entities';
import { translateEntities } from '../../telegram/mtproto/translate/entities';
import type { ActionKind, PerformContext } from '../action-kind';
import { RetryLater } from '../failures';

const payload = z.object({
  phone: z.string().regex(/^\+?[\d\s()-]{5,20}$/, 'A phone number is digits, optionally with +, spaces, brackets or dashes.'),
  firstName: z.string().min(1, 'A contact needs a first name.').max(64),
  lastName: z.string().max(64).optional(),
});
type Payload = z.infer<typeof payload>;

/** What an import leaves: the person's Telegram id, or null when no account has this number. */
export interface ContactImportResult {
  userId: number | null;
}

/**
 * Telegram does not say when a number in retry_contacts may go again; its import limits are
 * daily, so the desk tries again in a few hours rather than hammering it.
 */
export const CONTACT_RETRY_MS = 4 * 60 * 60_000;

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Adds one person to the account's contacts by phone (contacts.importContacts). The row's
 * random_id is the contact's client_id, so Telegram's answer is matched to it. A number Telegram
 * puts in retry_contacts waits and goes again later (not a failure). Telegram does not
 * deduplicate imports, and each counts against the account's quota, so after any earlier try
 * the account's contacts are read first and a number already there is recorded as done.
 * The people found are remembered with their access hashes, so the account can write to them.
 */
export const accountContactImport: ActionKind<Payload> = {
  name: 'contacts.import',
  sender: 'account',
  capAction: 'contact_import',
  payload,
  chatKey: () => null,
  async perform(ctx, p) {
    const clientId = bigInt(ctx.randomId!);
    const answer = await ctx.transport!.invoke(
      new Api.contacts.ImportContacts({ contacts: [new Api.InputPhoneContact({ clientId, phone: digits(p.phone), firstName: p.firstName, lastName: p.lastName ?? '' })] }),
    );
    if (answer.retryContacts.some((id) => id.equals(clientId))) {
      throw new RetryLater('Telegram could not import this contact now (its import limit) and asked for it later.', CONTACT_RETRY_MS);
    }
    remember(ctx, answer.users);
    const imported = answer.imported.find((i) => i.clientId.equals(clientId));
    return { data: { userId: imported ? Number(imported.userId.toString()) : null } satisfies ContactImportResult };
  },
  async alreadyDone(ctx, p) {
    const contacts = await ctx.transport!.invoke(new Api.contacts.GetContacts({ hash: bigInt(0) }));
    if (!(contacts instanceof Api.contacts.Contacts)) return null;
    // Found only where Telegram shows the number; a hidden one is imported again, which is harmless beyond the quota.
    const user = contacts.users.find((u): u is Api.User => u instanceof Api.User && u.phone !== undefined && digits(u.phone) === digits(p.phone));
    if (!user) return null;
    remember(ctx, [user]);
    return { data: { userId: Number(user.id.toString()) } satisfies ContactImportResult };
  },
  afterInterruption: 'check',
};

function remember(ctx: PerformContext, users: Api.TypeUser[]): void {
  upsertAccountEntities(ctx.db, ctx.senderId, translateEntities(users, []), ctx.now);
}
