import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { currentOperatorId } from '../../../stores/operators/me-store';

/**
 * Whose the conversation is, when it is not the viewer's: waiting in its queue, or a
 * colleague's name (an admin's list mixes everyone's). The viewer's own say nothing.
 */
export function HolderChip({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { useMeStore, useOperatorsStore } = useStores();
  const myId = useMeStore((s) => currentOperatorId(s.me));
  const holder = useOperatorsStore((s) => (c.assigneeId === null ? null : s.items.find((o) => o.id === c.assigneeId)));
  if (c.assigneeId === myId) return null;
  if (c.assigneeId === null) {
    return c.queuedSince === null ? null : (
      <span className="holder-chip" data-holder="queue" data-testid="conversation-holder">
        {t('inbox.list.inQueue')}
      </span>
    );
  }
  return (
    <span className="holder-chip" data-holder="colleague" data-testid="conversation-holder" title={t('inbox.list.heldBy', { name: holder?.name ?? c.assigneeId })}>
      {holder?.name ?? c.assigneeId}
    </span>
  );
}
