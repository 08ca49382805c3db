import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { MESSAGE_LIMITS } from '../../../../../shared/domain/message-text';
import { useStores } from '../../../stores/context';
import { useInboxFormats } from '../format';

/** Private notes: seen by operators only, never sent to Telegram. */
export function NotesPanel({ conversation: c }: { conversation: ConversationView }) {
  const { t, i18n } = useTranslation();
  const formats = useInboxFormats();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const { useNotesStore } = useStores();
  const notes = useNotesStore((s) => (s.conversationId === c.id ? s.notes : []));
  const loading = useNotesStore((s) => s.loading);
  const adding = useNotesStore((s) => s.adding);
  const error = useNotesStore((s) => s.error);
  const add = useNotesStore((s) => s.add);
  const [text, setText] = useState('');
  const ids = useId();
  // Said while typing, never cut: a pasted note longer than the limit stays whole to be shortened.
  const tooLong = text.trim().length > MESSAGE_LIMITS.note;

  const submit = () => {
    if (text.trim() === '' || adding || tooLong) return;
    void add(c.id, text).then((ok) => ok && setText(''));
  };

  return (
    <section className="side-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="side-title">
        {t('inbox.notes.title')}
      </h3>
      {loading && <p className="field-hint">{t('common.loading')}</p>}
      {!loading && notes.length === 0 && <p className="field-hint">{t('inbox.notes.empty')}</p>}
      <ul className="notes" data-testid="notes">
        {notes.map((note) => (
          <li key={note.id} className="note" data-testid="note">
            <p>{note.text}</p>
            <time className="field-hint">{formats.full(note.createdAt)}</time>
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor={`${ids}-text`}>
        {t('inbox.notes.add')}
      </label>
      <textarea
        id={`${ids}-text`}
        data-testid="note-text"
        rows={2}
        placeholder={t('inbox.notes.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="button" className="button button-small" data-testid="note-add" disabled={adding || text.trim() === '' || tooLong} onClick={submit}>
        {t('inbox.notes.add')}
      </button>
      {tooLong && (
        <p className="field-error" role="alert" data-testid="note-too-long">
          {t('limits.noteTooLong', { max: number(MESSAGE_LIMITS.note), length: number(text.trim().length) })}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('inbox.notes.error', { message: error })}
        </p>
      )}
    </section>
  );
}
