import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useInboxFormats } from '../format';
import { snippetParts } from './snippet';

function Hit({ hit, onOpen }: { hit: SearchHit; onOpen(hit: SearchHit): void }) {
  const formats = useInboxFormats();
  return (
    <li>
      <button type="button" className="search-hit" data-testid="search-hit" data-id={hit.messageId} onClick={() => onOpen(hit)}>
        <span className="conv-line">
          <span className="conv-title">{hit.conversationTitle}</span>
          <time className="conv-time">{formats.listTime(hit.date)}</time>
        </span>
        <span className="search-snippet">
          <span className="conv-preview-who">{hit.senderName}: </span>
          {snippetParts(hit.snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </span>
      </button>
    </li>
  );
}

export function SearchResults() {
  const { t } = useTranslation();
  const stores = useStores();
  const { useSearchStore } = stores;
  const hits = useSearchStore((s) => s.hits);
  const answered = useSearchStore((s) => s.answered);
  const loading = useSearchStore((s) => s.loading);
  const error = useSearchStore((s) => s.error);

  return (
    <div className="search-results" data-testid="search-results" aria-busy={loading}>
      {error && (
        <p className="field-error inbox-pad" role="alert">
          {t('inbox.search.error', { message: error })}
        </p>
      )}
      {!error && answered !== null && hits.length === 0 && !loading && (
        <p className="inbox-empty" data-testid="search-empty">
          {t('inbox.search.none', { query: answered })}
        </p>
      )}
      {loading && hits.length === 0 && <p className="page-state inbox-pad">{t('inbox.search.searching')}</p>}
      <ul className="search-list" aria-label={t('inbox.search.results')}>
        {hits.map((hit) => (
          <Hit key={hit.messageId} hit={hit} onOpen={(h) => stores.openConversation(h.conversationId, h.messageId)} />
        ))}
      </ul>
    </div>
  );
}
