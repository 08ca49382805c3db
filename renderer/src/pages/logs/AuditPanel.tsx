import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { useDateTimeFormat } from '../../ui/use-date-format';
import { useDebouncedEffect } from '../../ui/use-debounced';
import { formatDetails } from './details';
import { ExportButton, ExportError, ListFooter, SearchField } from './ListStates';
import { TEXT_DEBOUNCE_MS } from './LogsPanel';
import { useOperatorName } from '../../stores/operators/use-operator-name';

export function AuditPanel() {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const formatTime = useDateTimeFormat();
  const useAudit = useStores().useAuditStore;
  const s = useAudit();
  const [text, setText] = useState(s.text);

  useEffect(() => {
    void useAudit.getState().ensureLoaded();
  }, [useAudit]);

  useDebouncedEffect(text, TEXT_DEBOUNCE_MS, (value) => {
    if (value !== useAudit.getState().text) void useAudit.getState().setText(value);
  });

  return (
    <div className="log-panel">
      <div className="toolbar" role="group" aria-label={t('logs.filters')}>
        <SearchField testId="audit-text" placeholder={t('logs.audit.searchPlaceholder')} value={text} onChange={setText} />
        <ExportButton testId="audit-export" exporting={s.exporting} onExport={() => void s.exportCsv()} />
      </div>
      <ExportError message={s.exportError} />
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="col-time">{t('logs.audit.columns.time')}</th>
              <th scope="col" className="col-scope">{t('logs.audit.columns.actor')}</th>
              <th scope="col" className="col-scope">{t('logs.audit.columns.action')}</th>
              <th scope="col">{t('logs.audit.columns.target')}</th>
              <th scope="col" className="col-details">{t('logs.audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {s.entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-id={entry.id}>
                <td className="col-time">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>
                </td>
                <td className="col-scope">
                  {entry.actorName !== null && <span className="audit-actor-name">{nameOf({ id: entry.actor, name: entry.actorName })}</span>}
                  <span className={entry.actorName !== null ? 'audit-actor-id' : undefined}>{entry.actor}</span>
                </td>
                <td className="col-scope">{entry.action}</td>
                <td className="col-message">{entry.target ?? ''}</td>
                <td className="col-details">
                  <code>{formatDetails(entry.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={s.loading}
        loadingOlder={s.loadingOlder}
        error={s.error}
        errorText={(message) => t('logs.audit.error', { message })}
        emptyText={t('logs.audit.empty')}
        isEmpty={s.loaded && s.entries.length === 0}
        hasMore={s.hasMore}
        onRetry={() => void s.load()}
        onLoadOlder={() => void s.loadOlder()}
      />
    </div>
  );
}
