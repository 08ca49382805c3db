import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import './filters.css';

/** Sources are encoded as "account:3" / "bot:7" in the select. */
function parseSource(value: string): { kind: 'account' | 'bot'; id: number } | undefined {
  const [kind, id] = value.split(':');
  return (kind === 'account' || kind === 'bot') && id ? { kind, id: Number(id) } : undefined;
}

export function FiltersBar() {
  const { t } = useTranslation();
  const { useConversationsStore, useAccountsStore, useBotsStore, useLabelsStore } = useStores();
  const filter = useConversationsStore((s) => s.filter);
  const setFilter = useConversationsStore((s) => s.setFilter);
  const accounts = useAccountsStore((s) => s.items);
  const bots = useBotsStore((s) => s.items);
  const labels = useLabelsStore((s) => s.labels);
  const ensureAccounts = useAccountsStore((s) => s.ensureLoaded);
  const ensureBots = useBotsStore((s) => s.ensureLoaded);
  const ids = useId();

  useEffect(() => {
    void ensureAccounts();
    void ensureBots();
  }, [ensureAccounts, ensureBots]);

  const source = filter.source ? `${filter.source.kind}:${filter.source.id}` : '';

  return (
    <div className="inbox-filters" role="group" aria-label={t('inbox.filters.label')}>
      <label className="visually-hidden" htmlFor={`${ids}-source`}>
        {t('inbox.filters.source')}
      </label>
      <select id={`${ids}-source`} data-testid="filter-source" value={source} onChange={(e) => void setFilter({ source: parseSource(e.target.value) })}>
        <option value="">{t('inbox.filters.allSources')}</option>
        {accounts.length > 0 && (
          <optgroup label={t('inbox.filters.accounts')}>
            {accounts.map((a) => (
              <option key={a.id} value={`account:${a.id}`}>
                {[a.firstName, a.lastName].filter(Boolean).join(' ') || a.phone}
              </option>
            ))}
          </optgroup>
        )}
        {bots.length > 0 && (
          <optgroup label={t('inbox.filters.bots')}>
            {bots.map((b) => (
              <option key={b.id} value={`bot:${b.id}`}>
                @{b.username}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <label className="visually-hidden" htmlFor={`${ids}-status`}>
        {t('inbox.filters.status')}
      </label>
      <select
        id={`${ids}-status`}
        data-testid="filter-status"
        value={filter.status ?? ''}
        onChange={(e) => void setFilter({ status: (e.target.value || undefined) as ConversationStatus | undefined })}
      >
        <option value="">{t('inbox.filters.anyStatus')}</option>
        {CONVERSATION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`inbox.status.${status}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${ids}-label`}>
        {t('inbox.filters.labelFilter')}
      </label>
      <select
        id={`${ids}-label`}
        data-testid="filter-label"
        value={filter.labelId ?? ''}
        onChange={(e) => void setFilter({ labelId: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('inbox.filters.anyLabel')}</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
      </select>
      <label className="inbox-check">
        <input type="checkbox" data-testid="filter-unread" checked={filter.unreadOnly === true} onChange={(e) => void setFilter({ unreadOnly: e.target.checked })} />
        {t('inbox.filters.unread')}
      </label>
    </div>
  );
}
