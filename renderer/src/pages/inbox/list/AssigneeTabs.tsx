import { useTranslation } from 'react-i18next';
import type { ConversationFilter } from '../../../stores/inbox/conversation-order';
import { useStores } from '../../../stores/context';

const CHOICES = [
  { id: 'mine', assignee: 'me' },
  { id: 'unassigned', assignee: 'nobody' },
  { id: 'all', assignee: undefined },
] as const satisfies readonly { id: string; assignee: ConversationFilter['assignee'] }[];

/** Whose conversations the list shows: the operator's own, nobody's yet, or everyone's. */
export function AssigneeTabs() {
  const { t } = useTranslation();
  const { useConversationsStore } = useStores();
  const current = useConversationsStore((s) => s.filter.assignee);
  // One operator's conversations (an admin's filter) is none of these three.
  const oneOperator = useConversationsStore((s) => s.filter.assigneeId !== undefined);
  const setFilter = useConversationsStore((s) => s.setFilter);
  return (
    <div className="segmented inbox-assignee" role="group" aria-label={t('inbox.assignee.label')}>
      {CHOICES.map((choice) => (
        <button
          key={choice.id}
          type="button"
          className="button button-small"
          data-testid={`assignee-${choice.id}`}
          aria-pressed={!oneOperator && current === choice.assignee}
          onClick={() => void setFilter({ assignee: choice.assignee, assigneeId: undefined })}
        >
          {t(`inbox.assignee.${choice.id}`)}
        </button>
      ))}
    </div>
  );
}
