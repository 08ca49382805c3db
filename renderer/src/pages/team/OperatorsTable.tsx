import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_OPERATOR_ID, type OperatorView, type SenderRef } from '../../../../shared/domain/operators';
import { useStores } from '../../stores/context';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useNow } from '../../ui/use-now';
import { Dialog } from '../../ui/Dialog';
import { EditDialog } from './EditDialog';
import { ReinviteDialog } from './InviteDialog';
import { RefusalText } from './RefusalText';
import { SessionsList } from './SessionsList';
import { waitText } from './wait-text';
import { useOperatorName } from '../../stores/operators/use-operator-name';

type Open = { kind: 'edit' | 'reinvite' | 'sessions'; operator: OperatorView } | null;

function useSenderName(): (s: SenderRef) => string {
  const { useAccountsStore, useBotsStore } = useStores();
  const accounts = useAccountsStore((s) => s.items);
  const bots = useBotsStore((s) => s.items);
  return (s) => {
    if (s.kind === 'bot') {
      const bot = bots.find((b) => b.id === s.id);
      return bot ? `@${bot.username}` : `bot ${s.id}`;
    }
    const account = accounts.find((a) => a.id === s.id);
    return account ? [account.firstName, account.lastName].filter(Boolean).join(' ') || account.phone : `account ${s.id}`;
  };
}

function Presence({ operator: o, now }: { operator: OperatorView; now: number }) {
  const { t } = useTranslation();
  return (
    <span className="presence" data-testid="operator-presence" data-presence={o.presence}>
      <span className="presence-dot" data-presence={o.presence} aria-hidden="true" />
      {t(`presence.${o.presence}`)}
      {o.presence !== 'active' && (
        <span className="field-hint">
          {' · '}
          {o.lastActiveAt === null ? t('team.table.neverActive') : t('team.table.lastActive', { ago: waitText(t, o.lastActiveAt, now) })}
        </span>
      )}
    </span>
  );
}

/**
 * Everyone on the team. A plain table rather than the virtual DataTable: a team is tens of
 * people, and each row carries actions and an inline confirmation that need room to grow.
 */
export function OperatorsTable({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const { useOperatorsStore, useMeStore } = useStores();
  const operators = useOperatorsStore((s) => s.items);
  const rowErrors = useOperatorsStore((s) => s.rowErrors);
  const remove = useOperatorsStore((s) => s.remove);
  const myId = useMeStore((s) => s.me?.id ?? LOCAL_OPERATOR_ID);
  const senderName = useSenderName();
  const now = useNow(true);
  const [open, setOpen] = useState<Open>(null);
  const [returned, setReturned] = useState<{ name: string; count: number } | null>(null);

  const onRemove = async (o: OperatorView) => {
    const count = await remove(o.id);
    if (count === null) return false;
    setReturned({ name: nameOf(o), count });
    return true;
  };

  return (
    <>
      {returned && (
        <p className="form-saved" role="status" data-testid="operator-removed">
          {t('team.remove.done', { name: returned.name, count: returned.count })}
        </p>
      )}
      <div className="team-table-wrap">
        <table className="team-table" data-testid="operators-table">
          <thead>
            <tr>
              <th scope="col">{t('team.table.name')}</th>
              <th scope="col">{t('team.table.presence')}</th>
              <th scope="col">{t('team.table.load')}</th>
              {admin && <th scope="col">{t('team.table.languages')}</th>}
              {admin && <th scope="col">{t('team.table.senders')}</th>}
              {admin && <th scope="col">{t('team.table.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {operators.map((o) => (
              <tr key={o.id} data-testid="operator-row" data-operator={o.id}>
                <th scope="row">
                  <span className="operator-name">{nameOf(o)}</span>
                  <span className="field-hint operator-role">
                    {t(`operatorRoles.${o.role}`)}
                    {o.id === myId && <span className="badge">{t('team.table.you')}</span>}
                    {/* Only the unusual state is worth a badge: the link is still unused. */}
                    {admin && o.state === 'invited' && (
                      <span className="badge" data-state="invited" data-testid="operator-invited">
                        {t('team.states.invited')}
                      </span>
                    )}
                  </span>
                </th>
                <td>
                  <Presence operator={o} now={now} />
                </td>
                <td data-testid="operator-load">
                  {o.capacity === null ? t('team.table.loadNoLimit', { open: o.openConversations }) : t('team.table.loadOf', { open: o.openConversations, capacity: o.capacity })}
                  {!o.autoAssign && <span className="field-hint"> · {t('team.table.manualOnly')}</span>}
                </td>
                {admin && <td>{o.languages.length > 0 ? o.languages.join(', ') : '—'}</td>}
                {admin && (
                  <td className="operator-senders-cell">
                    {o.role === 'admin' ? t('team.table.allSenders') : o.senders.length > 0 ? o.senders.map(senderName).join(', ') : t('team.table.noSenders')}
                  </td>
                )}
                {admin && (
                  <td>
                    <div className="operator-actions">
                    <button type="button" className="button button-small" data-testid="operator-edit" onClick={() => setOpen({ kind: 'edit', operator: o })}>
                      {t('team.actions.edit')}
                    </button>
                    {o.id !== LOCAL_OPERATOR_ID && (
                      <button type="button" className="button button-small" data-testid="operator-reinvite" onClick={() => setOpen({ kind: 'reinvite', operator: o })}>
                        {t('team.actions.reinvite')}
                      </button>
                    )}
                    <button type="button" className="button button-small" data-testid="operator-sessions" onClick={() => setOpen({ kind: 'sessions', operator: o })}>
                      {t('team.actions.sessions')}
                    </button>
                    {o.id !== LOCAL_OPERATOR_ID && o.id !== myId && (
                      <ConfirmButton
                        label={t('team.actions.remove')}
                        question={t('team.remove.ask', { name: nameOf(o), count: o.openConversations })}
                        confirmLabel={t('team.remove.confirm')}
                        testId="operator-remove"
                        onConfirm={() => onRemove(o)}
                      />
                    )}
                    </div>
                    <RefusalText error={rowErrors[o.id] ?? null} testId="operator-error" />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open?.kind === 'edit' && <EditDialog operator={open.operator} onClose={() => setOpen(null)} />}
      {open?.kind === 'reinvite' && <ReinviteDialog operatorId={open.operator.id} name={nameOf(open.operator)} onClose={() => setOpen(null)} />}
      {open?.kind === 'sessions' && (
        <Dialog title={t('team.sessions.of', { name: nameOf(open.operator) })} onClose={() => setOpen(null)} testId="sessions-dialog" className="team-dialog">
          <SessionsList operatorId={open.operator.id} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setOpen(null)}>
              {t('ui.dialog.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
