import { useEffect, useRef, useState } from 'react';
import { useStores } from '../../stores/context';
import { ChatPane } from './chat/ChatPane';
import { ConversationList } from './list/ConversationList';
import { FiltersBar } from './list/FiltersBar';
import { SearchBox } from './search/SearchBox';
import { SearchResults } from './search/SearchResults';
import { ShortcutSheet } from './ShortcutSheet';
import { ConversationSidebar } from './sidebar/ConversationSidebar';
import { useInboxShortcuts } from './use-inbox-shortcuts';
import './inbox.css';

/** Every chat of every account and bot: the list, the open chat, and what the team knows about it. */
export function InboxPage() {
  const stores = useStores();
  const { useConversationsStore, useLabelsStore, useSearchStore } = stores;
  const ensureConversations = useConversationsStore((s) => s.ensureLoaded);
  const ensureLabels = useLabelsStore((s) => s.ensureLoaded);
  const selected = useConversationsStore((s) => s.selected);
  const searching = useSearchStore((s) => s.query.trim() !== '');
  const searchRef = useRef<HTMLInputElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);

  useEffect(() => {
    void ensureConversations();
    void ensureLabels();
  }, [ensureConversations, ensureLabels]);

  useInboxShortcuts({
    move(delta) {
      const id = useConversationsStore.getState().neighbour(delta);
      if (id !== null) stores.openConversation(id);
    },
    focusSearch: () => searchRef.current?.focus(),
    resolve() {
      const current = useConversationsStore.getState().selected;
      if (current && current.status !== 'resolved') void useConversationsStore.getState().setStatus(current.id, 'resolved');
    },
    openSheet: () => setSheetOpen(true),
  });

  return (
    <div className="inbox" data-testid="inbox" data-with-side={selected ? 'true' : undefined}>
      <div className="inbox-left">
        <SearchBox inputRef={searchRef} />
        {searching ? (
          <SearchResults />
        ) : (
          <>
            <FiltersBar />
            <ConversationList />
          </>
        )}
      </div>
      <ChatPane />
      {selected && <ConversationSidebar conversation={selected} />}
      {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
    </div>
  );
}
