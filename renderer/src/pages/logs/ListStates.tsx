import { useTranslation } from 'react-i18next';

interface Props {
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  errorText: (message: string) => string;
  emptyText: string;
  isEmpty: boolean;
  hasMore: boolean;
  onRetry(): void;
  onLoadOlder(): void;
}

/** The parts both tables share below the rows: error, empty, loading and "Load older". */
export function ListFooter(p: Props) {
  const { t } = useTranslation();
  return (
    <div className="list-footer">
      {p.error && (
        <div className="list-error" role="alert">
          <span>{p.errorText(p.error)}</span>
          <button type="button" className="button" onClick={p.onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!p.error && p.isEmpty && !p.loading && <p className="list-empty">{p.emptyText}</p>}
      {p.loading && <p className="list-loading">{t('logs.loading')}</p>}
      {p.hasMore && !p.loading && (
        <button
          type="button"
          className="button"
          onClick={p.onLoadOlder}
          disabled={p.loadingOlder}
          data-testid="load-older"
        >
          {p.loadingOlder ? t('logs.loading') : t('logs.loadOlder')}
        </button>
      )}
    </div>
  );
}

/** The text filter both tables put in their toolbar. */
export function SearchField(p: { testId: string; placeholder: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <label className="toolbar-field toolbar-grow">
      <span>{t('logs.search')}</span>
      <input
        type="search"
        data-testid={p.testId}
        placeholder={p.placeholder}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </label>
  );
}

/** "Export CSV" with its busy state; its error is shown by `ExportError` below the toolbar. */
export function ExportButton(p: { testId: string; exporting: boolean; onExport(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" data-testid={p.testId} onClick={p.onExport} disabled={p.exporting}>
      {p.exporting ? t('logs.exporting') : t('logs.export')}
    </button>
  );
}

export function ExportError({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="list-error" role="alert">
      {t('logs.exportError', { message })}
    </p>
  );
}
