import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { THIS_DESK_OPERATOR } from '../../../stores/inbox/conversation-order';

/** Today one operator sits at the desk: the choice is "me" or nobody; team mode adds people. */
export function AssignControl({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { useConversationsStore } = useStores();
  const assign = useConversationsStore((s) => s.assign);
  const ids = useId();
  const other = c.assigneeId !== null && c.assigneeId !== THIS_DESK_OPERATOR;
  return (
    <div className="side-section">
      <label className="side-label" htmlFor={`${ids}-assign`}>
        {t('inbox.sidebar.assignee')}
      </label>
      <select id={`${ids}-assign`} data-testid="conversation-assign" value={c.assigneeId ?? ''} onChange={(e) => void assign(c.id, e.target.value || null)}>
        <option value="">{t('inbox.sidebar.nobody')}</option>
        <option value={THIS_DESK_OPERATOR}>{t('inbox.sidebar.me')}</option>
        {other && <option value={c.assigneeId!}>{t('inbox.sidebar.otherOperator', { id: c.assigneeId! })}</option>}
      </select>
    </div>
  );
}
