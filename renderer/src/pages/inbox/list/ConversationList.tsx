import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { ListEmpty } from './ListEmpty';

/** Rows from the end of the loaded part at which the next page is asked for. */
const PREFETCH_ROWS = 40;

export function ConversationList() {
  const { t } = useTranslation();
  const stores = useStores();
  const { useConversationsStore } = stores;
  const items = useConversationsStore((s) => s.items);
  const loaded = useConversationsStore((s) => s.loaded);
  const error = useConversationsStore((s) => s.error);
  const hasMore = useConversationsStore((s) => s.hasMore);
  const selectedId = useConversationsStore((s) => s.selectedId);
  const load = useConversationsStore((s) => s.load);
  const loadMore = useConversationsStore((s) => s.loadMore);
  const scrollerRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]!.id,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  // A keyboard move can select a row outside the window: bring it into view. Only when the
  // selection changes, not when live activity moves the selected row while the list is read.
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  });
  useEffect(() => {
    const index = itemsRef.current.findIndex((c) => c.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, virtualizer]);

  if (error && !loaded) {
    return (
      <div className="page-state inbox-pad" role="alert">
        <p>{t('inbox.list.loadError', { message: error })}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="page-state inbox-pad">{t('common.loading')}</p>;
  if (items.length === 0) return <ListEmpty />;

  return (
    <div ref={scrollerRef} className="conv-scroller" data-testid="conversation-list" data-virtual-scroller="" role="list" aria-label={t('inbox.list.label')}>
      <div className="virtual-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const conversation = items[row.index]!;
          return (
            <div key={row.key} role="listitem" className="virtual-row" style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
              <ConversationRow conversation={conversation} selected={conversation.id === selectedId} onOpen={stores.openConversation} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
