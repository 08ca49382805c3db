import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { SourceChip } from '../list/SourceChip';
import { StatusChip } from '../list/StatusChip';

export function ChatHeader({ conversation: c, actions }: { conversation: ConversationView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { useConversationsStore } = useStores();
  const setStatus = useConversationsStore((s) => s.setStatus);
  return (
    <header className="chat-header">
      <div className="chat-header-who">
        <h2 className="chat-title">{c.title}</h2>
        <span className="chat-subtitle">
          <SourceChip source={c.source} />
          <span>{t(`inbox.kinds.${c.kind}`)}</span>
          <StatusChip status={c.status} />
        </span>
      </div>
      <div className="chat-header-actions">
        {c.status !== 'resolved' && (
          <button type="button" className="button button-small" data-testid="conversation-resolve" aria-keyshortcuts="Alt+R" onClick={() => void setStatus(c.id, 'resolved')}>
            {t('inbox.sidebar.resolve')}
          </button>
        )}
        {actions}
      </div>
    </header>
  );
}
