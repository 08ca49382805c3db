import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { Composer } from '../composer/Composer';
import { RemovedSenderNotice } from '../composer/RemovedSenderNotice';
import { OpenPhoto } from './PhotoViewer';
import { ChatHeader } from './ChatHeader';
import { MessageList } from './MessageList';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** The open chat: header, history and composer; a file dropped anywhere on it is attached. */
export function ChatPane({ headerActions }: { headerActions?: ReactNode }) {
  const { t } = useTranslation();
  const { useConversationsStore, useComposerStore } = useStores();
  const conversation = useConversationsStore((s) => s.selected);
  const noneYet = useConversationsStore((s) => s.loaded && s.items.length === 0);
  const attach = useComposerStore((s) => s.attach);
  const [dragging, setDragging] = useState(false);

  if (!conversation) {
    return (
      <section className="chat chat-none" data-testid="chat-empty">
        {/* With nothing in the list there is nothing to choose: the list shows what to do. */}
        {!noneYet && (
          <>
            <p>{t('inbox.chat.none')}</p>
            <p className="field-hint">{t('inbox.chat.noneHint')}</p>
          </>
        )}
      </section>
    );
  }

  return (
    <section
      className="chat"
      data-testid="chat-pane"
      data-dragging={dragging ? 'true' : undefined}
      aria-label={t('inbox.chat.label', { title: conversation.title })}
      onDragOver={(e) => {
        if (!hasFiles(e) || conversation.source.removed) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void attach(conversation.id, file, conversation.source.kind);
      }}
    >
      <ChatHeader conversation={conversation} actions={headerActions} />
      <MessageList conversation={conversation} />
      {conversation.source.removed ? <RemovedSenderNotice source={conversation.source} /> : <Composer conversation={conversation} />}
      <OpenPhoto />
      {dragging && (
        <div className="chat-drop" aria-hidden="true">
          {t('inbox.composer.dropHere')}
        </div>
      )}
    </section>
  );
}
