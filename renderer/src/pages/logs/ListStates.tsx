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
