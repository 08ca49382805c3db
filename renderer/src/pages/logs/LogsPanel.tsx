import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS, type LogLevel } from '../../../../shared/domain/logs';
import { useStores } from '../../stores/context';
import { useDateTimeFormat } from '../../ui/use-date-format';
import { useDebouncedEffect } from '../../ui/use-debounced';
import { formatDetails } from './details';
import { ExportButton, ExportError, ListFooter, SearchField } from './ListStates';

export const TEXT_DEBOUNCE_MS = 300;

export function LogsPanel() {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat();
  const ids = useId();
  const useLogs = useStores().useLogsStore;
  const s = useLogs();
  // Scopes are the engine's words; a scope added later shows as written until it is translated.
  const scopeLabel = (scope: string) => t(`logScopes.${scope}` as 'logScopes.engine', { defaultValue: scope });
  const [text, setText] = useState(s.filter.text);

  useEffect(() => {
    void useLogs.getState().ensureLoaded();
  }, [useLogs]);

  useDebouncedEffect(text, TEXT_DEBOUNCE_MS, (value) => {
    if (value !== useLogs.getState().filter.text) void useLogs.getState().setFilter({ text: value });
  });

  return (
    <div className="log-panel">
      <div className="toolbar" role="group" aria-label={t('logs.filters')}>
        <label className="toolbar-field">
          <span>{t('logs.minLevel')}</span>
          <select
            data-testid="logs-level"
            value={s.filter.minLevel}
            onChange={(e) => void s.setFilter({ minLevel: e.target.value as LogLevel })}
          >
            {LOG_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`logs.levels.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <SearchField testId="logs-text" placeholder={t('logs.searchPlaceholder')} value={text} onChange={setText} />
        <ExportButton testId="logs-export" exporting={s.exporting} onExport={() => void s.exportCsv()} />
      </div>
      <ExportError message={s.exportError} />
      <p className="log-live" id={`${ids}-live`}>
        {t('logs.live')}
      </p>
      <div className="table-wrap">
        <table className="data-table" aria-describedby={`${ids}-live`}>
          <thead>
            <tr>
              <th scope="col" className="col-time">{t('logs.columns.time')}</th>
              <th scope="col" className="col-level">{t('logs.columns.level')}</th>
              <th scope="col" className="col-scope">{t('logs.columns.scope')}</th>
              <th scope="col">{t('logs.columns.message')}</th>
              <th scope="col" className="col-details">{t('logs.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {s.entries.map((entry) => (
              <tr key={entry.id} data-testid="logs-row" data-level={entry.level} data-id={entry.id}>
                <td className="col-time">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>
                </td>
                <td className="col-level">
                  <span className={`level level-${entry.level}`}>{t(`logs.levels.${entry.level}`)}</span>
                </td>
                <td className="col-scope" title={entry.scope}>
                  {scopeLabel(entry.scope)}
                </td>
                <td className="col-message">{entry.message}</td>
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
        errorText={(message) => t('logs.error', { message })}
        emptyText={t('logs.empty')}
        isEmpty={s.loaded && s.entries.length === 0}
        hasMore={s.hasMore}
        onRetry={() => void s.load()}
        onLoadOlder={() => void s.loadOlder()}
      />
    </div>
  );
}
