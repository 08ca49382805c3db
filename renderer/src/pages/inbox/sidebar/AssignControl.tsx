import { useEffect, useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import type { OperatorView } from '../../../../../shared/domain/operators';
import { useStores } from '../../../stores/context';
import { currentOperatorId, currentRole } from '../../../stores/operators/me-store';
import { useOperatorName } from '../../../stores/operators/use-operator-name';

/** "Anna · active · 2 of 5 free": what an assigner weighs, in the option itself. */
function optionText(t: TFunction, o: OperatorView, name: string): string {
  const load = o.capacity === null ? t('assignTo.noLimit') : t('assignTo.free', { free: Math.max(0, o.capacity - o.openConversations), capacity: o.capacity });
  return `${name} · ${t(`presence.${o.presence}`)} · ${load}`;
}

/**
 * Who has the conversation. An admin gives it to anyone or nobody; an operator takes it, gives
 * it back to the queue, or passes it to a colleague when the desk allows (the engine says).
 */
export function AssignControl({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const { useConversationsStore, useOperatorsStore, useMeStore } = useStores();
  const assign = useConversationsStore((s) => s.assign);
  const me = useMeStore((s) => s.me);
  const operators = useOperatorsStore((s) => s.items);
  const ensureOperators = useOperatorsStore((s) => s.ensureLoaded);
  const ids = useId();
  const myId = currentOperatorId(me);
  const admin = currentRole(me) === 'admin';
  const others = operators.filter((o) => o.id !== myId);
  const holder = c.assigneeId === null ? null : (operators.find((o) => o.id === c.assigneeId) ?? null);

  useEffect(() => {
    void ensureOperators();
  }, [ensureOperators]);

  const label = (
    <label className="side-label" htmlFor={`${ids}-assign`}>
      {t('inbox.sidebar.assignee')}
    </label>
  );

  if (admin) {
    const unknownHolder = c.assigneeId !== null && c.assigneeId !== myId && holder === null;
    return (
      <div className="side-section">
        {label}
        <select id={`${ids}-assign`} data-testid="conversation-assign" value={c.assigneeId ?? ''} onChange={(e) => void assign(c.id, e.target.value || null)}>
          <option value="">{t('inbox.sidebar.nobody')}</option>
          <option value={myId}>{me ? t('assignTo.meNamed', { name: nameOf(me) }) : t('inbox.sidebar.me')}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id} data-testid="assign-option">
              {optionText(t, o, nameOf(o))}
            </option>
          ))}
          {unknownHolder && <option value={c.assigneeId!}>{t('inbox.sidebar.otherOperator', { id: c.assigneeId! })}</option>}
        </select>
      </div>
    );
  }

  const mine = c.assigneeId === myId;
  return (
    <div className="side-section">
      {label}
      <p className="assign-holder" data-testid="assign-holder">
        {c.assigneeId === null ? t('assignTo.inQueue') : mine ? t('assignTo.yours') : (holder ? nameOf(holder) : t('inbox.sidebar.otherOperator', { id: c.assigneeId }))}
      </p>
      <div className="assign-actions">
        {c.assigneeId === null && (
          <button type="button" className="button button-small button-primary" data-testid="assign-take" onClick={() => void assign(c.id, myId)}>
            {t('assignTo.take')}
          </button>
        )}
        {mine && (
          <button type="button" className="button button-small" data-testid="assign-give-back" onClick={() => void assign(c.id, null)}>
            {t('assignTo.giveBack')}
          </button>
        )}
      </div>
      {mine && others.length > 0 && (
        <>
          <label className="side-label" htmlFor={`${ids}-pass`}>
            {t('assignTo.passTo')}
          </label>
          <select
            id={`${ids}-pass`}
            data-testid="assign-pass"
            value=""
            onChange={(e) => {
              if (e.target.value) void assign(c.id, e.target.value);
            }}
          >
            <option value="">{t('assignTo.chooseColleague')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id} data-testid="assign-option">
                {optionText(t, o, nameOf(o))}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
