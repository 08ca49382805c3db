import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';

/** Nothing at all yet (nothing connected, or no one wrote), or nothing under these filters. */
export function ListEmpty() {
  const { t } = useTranslation();
  const { useConversationsStore, useNavigationStore } = useStores();
  const filtered = useConversationsStore((s) => Object.keys(s.filter).length > 0);
  const clearFilter = useConversationsStore((s) => s.clearFilter);
  const go = useNavigationStore((s) => s.go);

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
  return (
    <div className="inbox-empty" data-testid="inbox-empty">
      <p className="inbox-empty-title">{t('inbox.list.emptyTitle')}</p>
      <p>{t('inbox.list.emptyText')}</p>
      <button type="button" className="button button-primary" onClick={() => go('accounts')}>
        {t('inbox.list.connect')}
      </button>
    </div>
  );
}
