import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import '../removed-sender.css';

/** In place of the composer when the conversation's account or bot was removed: why nothing can be sent. */
export function RemovedSenderNotice({ source }: { source: ConversationView['source'] }) {
  const { t } = useTranslation();
  return (
    <p className="composer composer-removed" role="note" data-testid="composer-removed-sender">
      {t(`inbox.removedSender.${source.kind}`, { name: source.name })}
    </p>
  );
}
