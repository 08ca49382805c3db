import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { AssignControl } from './AssignControl';
import { LabelsControl } from './LabelsControl';
import { NotesPanel } from './NotesPanel';
import { StatusControl } from './StatusControl';

/** What the team knows about the open conversation: status, assignee, labels, private notes. */
export function ConversationSidebar({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { useConversationsStore } = useStores();
  const actionError = useConversationsStore((s) => s.actionError);
  return (
    <aside className="inbox-side" aria-label={t('inbox.sidebar.label')}>
      {actionError && (
        <p className="field-error" role="alert" data-testid="conversation-error">
          {t('inbox.sidebar.actionError', { message: actionError })}
        </p>
      )}
      <StatusControl conversation={conversation} />
      <AssignControl conversation={conversation} />
      <LabelsControl conversation={conversation} />
      <NotesPanel conversation={conversation} />
    </aside>
  );
}
