import { useTranslation } from 'react-i18next';
import type { ConversationStatus } from '../../../../../shared/domain/inbox';

export function StatusChip({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-chip" data-status={status}>
      {t(`inbox.status.${status}`)}
    </span>
  );
}
