import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { ChatPane } from './chat/ChatPane';
import { AssigneeTabs } from './list/AssigneeTabs';
import { ConversationList } from './list/ConversationList';
import { FiltersBar } from './list/FiltersBar';
import { OperatorFilter } from './list/OperatorFilter';
import { QueueIndicator } from './list/QueueIndicator';
import { SearchBox } from './search/SearchBox';
import { SearchResults } from './search/SearchResults';
import { ShortcutSheet } from './ShortcutSheet';
import { ConversationSidebar } from './sidebar/ConversationSidebar';
import { useInboxShortcuts } from './use-inbox-shortcuts';
import { useSidePanel } from './use-side-panel';
import './inbox.css';

/** Every chat of every account and bot: the list, the open chat, and what the team knows about it. */
export function InboxPage() {
  const { t } = useTranslation();
  const stores = useStores();
  const { useConversationsStore, useLabelsStore, useSearchStore } = stores;
  const ensureConversations = useConversationsStore((s) => s.ensureLoaded);
  const ensureLabels = useLabelsStore((s) => s.ensureLoaded);
  const selected = useConversationsStore((s) => s.selected);
  const searching = useSearchStore((s) => s.query.trim() !== '');
  const searchRef = useRef<HTMLInputElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const panel = useSidePanel();
  const panelId = useId();
  const panelShown = selected !== null && panel.open;
  const drawerShown = panelShown && panel.mode === 'drawer';

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
    takeNext: () => void stores.useQueuesStore.getState().takeNext(),
  });

  const panelToggle = (
    <button
      ref={panel.toggleRef}
      type="button"
      className="button button-small side-toggle"
      data-testid="side-toggle"
      aria-expanded={panelShown}
      aria-controls={panelId}
      onClick={panel.toggle}
    >
      {t('inbox.sidePanel.toggle')}
    </button>
  );

  return (
    <div className="inbox" data-testid="inbox" data-side={selected ? (panel.open ? panel.mode : 'hidden') : undefined}>
      {/* A drawer lies over the list: out of reach until it closes. */}
      <div className="inbox-left" inert={drawerShown}>
        <SearchBox inputRef={searchRef} />
        {searching ? (
          <SearchResults />
        ) : (
          <>
            <QueueIndicator />
            <AssigneeTabs />
            <OperatorFilter />
            <FiltersBar />
            <ConversationList />
          </>
        )}
      </div>
      <ChatPane headerActions={panelToggle} />
      {panelShown && <ConversationSidebar id={panelId} conversation={selected} onCloseDrawer={drawerShown ? panel.closeDrawer : undefined} />}
      {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
    </div>
  );
}
