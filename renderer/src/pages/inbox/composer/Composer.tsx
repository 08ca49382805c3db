import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { EMPTY_DRAFT, fitsInMessages } from '../../../stores/inbox/composer-store';
import { AttachmentChip } from './AttachmentChip';
import { CannedPicker } from './CannedPicker';
import { ComposerCounter } from './ComposerCounter';
import { ComposerErrorText } from './ComposerErrorText';
import { ReplyBar } from './ReplyBar';

/** Text, reply-to and one attachment for the open chat; the draft lives in the store per chat. */
export function Composer({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { useComposerStore } = useStores();
  const id = conversation.id;
  const draft = useComposerStore((s) => s.drafts[id] ?? EMPTY_DRAFT);
  const { setText, setReplyTo, attach, removeAttachment, send } = useComposerStore.getState();
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [picking, setPicking] = useState(false);

  const sender = conversation.source.kind;
  const uploading = draft.attachment?.state === 'uploading';
  const canSend = !draft.sending && (draft.attachment ? draft.attachment.state === 'ready' : draft.text.trim() !== '') && fitsInMessages(draft.text, draft.attachment !== null);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends and Shift+Enter breaks the line, as in Telegram; Ctrl+Enter sends too.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send(id);
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const file = [...event.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (!file) return;
    event.preventDefault();
    void attach(id, file, sender);
  }

  return (
    <div className="composer">
      {draft.replyTo && <ReplyBar replyTo={draft.replyTo} onCancel={() => setReplyTo(id, null)} />}
      {draft.attachment && <AttachmentChip attachment={draft.attachment} onRemove={() => removeAttachment(id)} />}
      {draft.error && (
        <p className="field-error" role="alert" data-testid="composer-error">
          <ComposerErrorText error={draft.error} />
        </p>
      )}
      {picking && (
        <CannedPicker
          conversation={conversation}
          draftText={draft.text}
          onClose={() => {
            setPicking(false);
            textRef.current?.focus();
          }}
          onInsert={(text) => {
            setText(id, draft.text.trim() === '' ? text : `${draft.text} ${text}`);
            setPicking(false);
            textRef.current?.focus();
          }}
        />
      )}
      <div className="composer-row">
        <input
          ref={fileRef}
          type="file"
          hidden
          data-testid="composer-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void attach(id, file, sender);
          }}
        />
        <button type="button" className="button" data-testid="composer-attach" disabled={uploading} onClick={() => fileRef.current?.click()}>
          {t('inbox.composer.attach')}
        </button>
        <button type="button" className="button" data-testid="canned-open" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {t('inbox.canned.open')}
        </button>
        <textarea
          ref={textRef}
          className="composer-text"
          data-testid="composer-text"
          rows={2}
          aria-label={t('inbox.composer.label')}
          placeholder={t('inbox.composer.placeholder')}
          value={draft.text}
          onChange={(e) => setText(id, e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <button type="button" className="button button-primary" data-testid="composer-send" aria-keyshortcuts="Enter Control+Enter" disabled={!canSend} onClick={() => void send(id)}>
          {draft.sending ? t('inbox.composer.sending') : t('inbox.composer.send')}
        </button>
      </div>
      <ComposerCounter text={draft.text} withFile={draft.attachment !== null} />
    </div>
  );
}
