import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { currentRole } from '../../../stores/operators/me-store';
import { InboxChecklist } from './InboxChecklist';

/** Nothing at all yet (what is left to set up), or nothing under these filters. */
export function ListEmpty() {
  const { t } = useTranslation();
  const { useConversationsStore, useMeStore } = useStores();
  // Setting the desk up is an admin's work: an operator's empty list only means no work yet.
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const filtered = useConversationsStore((s) => Object.keys(s.filter).length > 0);
  const clearFilter = useConversationsStore((s) => s.clearFilter);

  if (filtered) {
    return (
      <div className="inbox-empty" data-testid="inbox-no-match">
        <p>{t('inbox.list.noMatch')}</p>
        <button type="button" className="button" onClick={() => void clearFilter()}>
          {t('inbox.filters.clear')}
        </button>
      </div>
    );
  }
  if (!admin) {
    return (
      <div className="inbox-empty" data-testid="inbox-nothing-yours">
        <p>{t('queue.nothingYours')}</p>
      </div>
    );
  }
  return <InboxChecklist />;
}
