import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { currentOperatorId } from '../../../stores/operators/me-store';
import { WaitingIcon } from '../../../ui/icons';
import { initials } from './ConversationAvatar';
import { useOperatorName } from '../../../stores/operators/use-operator-name';

/**
 * Whose the conversation is, when it is not the viewer's: waiting in its queue (a clock), or a
 * colleague (their initials; the name on hover). Small, so the last message keeps its room in a
 * narrow list. The viewer's own say nothing.
 */
export function HolderChip({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const { useMeStore, useOperatorsStore } = useStores();
  const myId = useMeStore((s) => currentOperatorId(s.me));
  const holder = useOperatorsStore((s) => (c.assigneeId === null ? null : s.items.find((o) => o.id === c.assigneeId)));
  // Alone at the desk every new chat waits for nobody but its admin: nothing to mark.
  const team = useOperatorsStore((s) => s.items.length > 1);
  if (!team || c.assigneeId === myId) return null;
  if (c.assigneeId === null) {
    if (c.queuedSince === null) return null;
    const waiting = t('inbox.list.inQueue');
    return (
      <span className="holder-chip" data-holder="queue" data-testid="conversation-holder" title={waiting} aria-label={waiting} role="img">
        <WaitingIcon width={12} height={12} />
      </span>
    );
  }
  const name = holder ? nameOf(holder) : c.assigneeId;
  const heldBy = t('inbox.list.heldBy', { name });
  return (
    <span className="holder-chip" data-holder="colleague" data-testid="conversation-holder" title={heldBy} aria-label={heldBy} role="img">
      {initials(name)}
    </span>
  );
}
