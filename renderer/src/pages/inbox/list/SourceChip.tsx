import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import '../removed-sender.css';

/** Which account or bot a conversation belongs to; a removed one keeps its name and says it was removed. */
export function SourceChip({ source }: { source: ConversationView['source'] }) {
  const { t } = useTranslation();
  return (
    <span className="conv-source" data-kind={source.kind} data-removed={source.removed ? 'true' : undefined} data-testid="conversation-source">
      {t(`inbox.source.${source.kind}`, { name: source.name })}
      {source.removed && ` · ${t('inbox.removedSender.mark')}`}
    </span>
  );
}
