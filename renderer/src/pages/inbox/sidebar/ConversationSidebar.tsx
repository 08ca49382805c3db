import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { AssignControl } from './AssignControl';
import { LabelsControl } from './LabelsControl';
import { NotesPanel } from './NotesPanel';
import { StatusControl } from './StatusControl';

interface Props {
  conversation: ConversationView;
  id: string;
  /** Set when the panel is a drawer: it takes focus and offers its own way out. */
  onCloseDrawer?: () => void;
}

/** What the team knows about the open conversation: status, assignee, labels, private notes. */
export function ConversationSidebar({ conversation, id, onCloseDrawer }: Props) {
  const { t } = useTranslation();
  const { useConversationsStore } = useStores();
  const actionError = useConversationsStore((s) => s.actionError);
  const forbidden = useConversationsStore((s) => s.actionErrorCode === 'forbidden');
  const ref = useRef<HTMLElement>(null);
  const drawer = onCloseDrawer !== undefined;
  useEffect(() => {
    if (drawer) ref.current?.focus();
  }, [drawer]);
  return (
    <aside ref={ref} id={id} className="inbox-side" data-testid="conversation-panel" tabIndex={-1} aria-label={t('inbox.sidebar.label')}>
      {drawer && (
        <button type="button" className="button button-small inbox-side-close" onClick={onCloseDrawer}>
          {t('inbox.sidePanel.close')}
        </button>
      )}
      {actionError && (
        <p className="field-error" role="alert" data-testid="conversation-error">
          {forbidden ? t('assignTo.forbidden') : t('inbox.sidebar.actionError', { message: actionError })}
        </p>
      )}
      <StatusControl conversation={conversation} />
      <AssignControl conversation={conversation} />
      <LabelsControl conversation={conversation} />
      <NotesPanel conversation={conversation} />
    </aside>
  );
}
