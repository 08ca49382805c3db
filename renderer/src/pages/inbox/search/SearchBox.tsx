import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { useDebouncedEffect } from '../../../ui/use-debounced';

/** Searching starts a moment after typing stops, so each keystroke is not a query. */
const SEARCH_DELAY_MS = 250;

export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const { useSearchStore } = useStores();
  const query = useSearchStore((s) => s.query);
  const setQuery = useSearchStore((s) => s.setQuery);
  const search = useSearchStore((s) => s.search);
  const clear = useSearchStore((s) => s.clear);
  useDebouncedEffect(query, SEARCH_DELAY_MS, () => void search());

  return (
    <div className="inbox-search">
      <input
        ref={inputRef}
        type="search"
        data-testid="search-input"
        aria-label={t('inbox.search.label')}
        aria-keyshortcuts="Control+K /"
        placeholder={t('inbox.search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            clear();
          }
        }}
      />
    </div>
  );
}
