import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useInboxFormats } from '../format';
import { MessageBubble } from './MessageBubble';
import { estimateRow, startsDay } from './rows';

/** How long a message found by search or a quote stays lit. */
const HIGHLIGHT_MS = 2000;
/** How close to the end (px) still counts as reading the newest message. */
const AT_END_PX = 2;
/** How close to the top (px) the history must be scrolled for the page before to load. */
const OLDER_THRESHOLD_PX = 200;

export function MessageList({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const { useChatStore, useComposerStore } = useStores();
  const messages = useChatStore((s) => s.messages);
  const loading = useChatStore((s) => s.loading);
  const error = useChatStore((s) => s.error);
  const focus = useChatStore((s) => s.focus);
  const focusMissing = useChatStore((s) => s.focusMissing);
  const loadingOlder = useChatStore((s) => s.loadingOlder);
  const loadOlder = useChatStore((s) => s.loadOlder);
  const reveal = useChatStore((s) => s.reveal);
  const setReplyTo = useComposerStore((s) => s.setReplyTo);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => estimateRow(messages, index),
    getItemKey: (index) => messages[index]!.id,
    overscan: 6,
    // A chat reads from the bottom: older pages arrive above without moving what is on
    // screen, and a new message scrolls into view when the operator was at the end.
    anchorTo: 'end',
    followOnAppend: true,
  });
  const items = virtualizer.getVirtualItems();
  // Effects below act on a new request, not on every live message; they read messages from here.
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  });

  // Opened: start at the newest message, once per chat (later pages must not jump there).
  const positioned = useRef<number | null>(null);
  useEffect(() => {
    if (loading || messages.length === 0 || positioned.current === conversation.id) return;
    positioned.current = conversation.id;
    if (!focus) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [loading, messages.length, conversation.id, focus, virtualizer]);

  // Near the top, the page before is fetched. Scroll events decide, not the rendered range:
  // the first render sits at the top until the chat is moved to its bottom.
  // Whether the operator reads the newest message (see below). Only a move up leaves the end:
  // the list's own moves toward it can stop short while it measures what it scrolled to.
  const atEnd = useRef(true);
  const lastScrollTop = useRef(0);
  const onScroll = () => {
    const el = scrollerRef.current;
    if (!el) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX) atEnd.current = true;
    else if (el.scrollTop < lastScrollTop.current) atEnd.current = false;
    lastScrollTop.current = el.scrollTop;
    if (el.scrollTop < OLDER_THRESHOLD_PX) void loadOlder();
  };

  // Reading the newest message is a place to stay. A resize re-wraps every message, and a new
  // one is measured taller than its estimate after the list followed it; either way the end
  // moves away unseen and the next message lands below the fold (a photo there, never seen,
  // is never fetched). So while the operator was at the end, a change of size keeps them there.
  const canvasRef = useRef<HTMLDivElement>(null);
  const hasHistory = messages.length > 0;
  useEffect(() => {
    const el = scrollerRef.current;
    const canvas = canvasRef.current;
    if (!el || !canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atEnd.current) virtualizer.scrollToIndex(messagesRef.current.length - 1, { align: 'end' });
    });
    observer.observe(el);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [hasHistory, virtualizer]);
  // A short history never scrolls, so it keeps loading until it fills the pane or ends.
  useEffect(() => {
    const el = scrollerRef.current;
    if (positioned.current === conversation.id && el && el.scrollHeight <= el.clientHeight) void loadOlder();
  }, [messages.length, conversation.id, loadOlder]);

  // A search hit or a quote asked for a message: centre it and light it up briefly.
  useEffect(() => {
    if (!focus) return;
    const index = messagesRef.current.findIndex((m) => m.id === focus.messageId);
    if (index < 0) return;
    // Until its scroll is seen, the list must not be held at the end it is leaving.
    atEnd.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
    setHighlighted(focus.messageId);
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [focus, virtualizer]);

  // The operator's own new message is shown even when the history was scrolled up.
  const last = messages[messages.length - 1];
  const lastOwnId = last?.outgoing && last.delivery?.state === 'queued' ? last.id : null;
  useEffect(() => {
    if (lastOwnId !== null) virtualizer.scrollToIndex(messagesRef.current.length - 1, { align: 'end' });
  }, [lastOwnId, virtualizer]);

  if (error && messages.length === 0) {
    return (
      <div className="chat-scroller page-state" role="alert">
        {t('inbox.chat.loadError', { message: error })}
      </div>
    );
  }
  if (loading && messages.length === 0) return <div className="chat-scroller page-state">{t('common.loading')}</div>;
  if (messages.length === 0) return <div className="chat-scroller page-state">{t('inbox.chat.noMessages')}</div>;

  return (
    <div className="chat-body">
      {/* Notices float over the history: taking room from it would move what is being read. */}
      {loadingOlder && (
        <p className="chat-notice" role="status">
          {t('inbox.chat.loadingOlder')}
        </p>
      )}
      {focusMissing && (
        <p className="chat-notice" role="status">
          {t('inbox.chat.focusMissing')}
        </p>
      )}
      <div ref={scrollerRef} className="chat-scroller" data-virtual-scroller="" data-testid="message-list" role="log" onScroll={onScroll} aria-label={t('inbox.chat.history')}>
        <div ref={canvasRef} className="virtual-canvas chat-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const m = messages[item.index]!;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
                {startsDay(messages, item.index) && (
                  <p className="chat-day">
                    <span>{formats.dayLabel(m.date)}</span>
                  </p>
                )}
                <MessageBubble
                  message={m}
                  showSender={conversation.kind !== 'private'}
                  highlighted={highlighted === m.id}
                  onReply={conversation.source.removed ? undefined : (message) => setReplyTo(conversation.id, message)}
                  onQuote={(id) => void reveal(id)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
