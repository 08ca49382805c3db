import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { currentRole } from '../../../stores/operators/me-store';
import { CANNED_VARIABLES, fillCanned } from './canned-vars';

interface Props {
  conversation: ConversationView;
  draftText: string;
  onInsert(text: string): void;
  onClose(): void;
}

/** Saved answers: pick one to insert it with its variables filled; save the current text as one. */
export function CannedPicker({ conversation, draftText, onInsert, onClose }: Props) {
  const { t } = useTranslation();
  const { useCannedStore, useMeStore } = useStores();
  // Saved answers are the desk's: an admin keeps them, every operator uses them.
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const myName = useMeStore((s) => s.me?.name);
  const replies = useCannedStore((s) => s.replies);
  const loaded = useCannedStore((s) => s.loaded);
  const error = useCannedStore((s) => s.error);
  const ensureLoaded = useCannedStore((s) => s.ensureLoaded);
  const save = useCannedStore((s) => s.save);
  const remove = useCannedStore((s) => s.remove);
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    void ensureLoaded();
    searchRef.current?.focus();
  }, [ensureLoaded]);

  const needle = query.trim().toLowerCase();
  const shown = replies.filter((r) => needle === '' || r.title.toLowerCase().includes(needle) || r.text.toLowerCase().includes(needle));

  return (
    <div
      className="canned"
      data-testid="canned-picker"
      role="dialog"
      aria-label={t('inbox.canned.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <input
        ref={searchRef}
        type="search"
        aria-label={t('inbox.canned.filter')}
        placeholder={t('inbox.canned.filter')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!loaded && !error && <p className="field-hint">{t('common.loading')}</p>}
      {loaded && replies.length === 0 && <p className="field-hint">{t('inbox.canned.empty')}</p>}
      <ul className="canned-list">
        {shown.map((reply) => (
          <li key={reply.id} className="canned-item">
            <button
              type="button"
              className="canned-use"
              data-testid="canned-item"
              onClick={() => onInsert(fillCanned(reply.text, conversation, myName ?? t('inbox.canned.operatorName')))}
            >
              <span className="canned-title">{reply.title}</span>
              <span className="canned-text">{reply.text}</span>
            </button>
            {admin && (
              <button type="button" className="button button-small" aria-label={t('inbox.canned.removeNamed', { title: reply.title })} onClick={() => void remove(reply.id)}>
                {t('inbox.canned.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {admin && draftText.trim() !== '' && (
        <form
          className="canned-save"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim() === '') return;
            void save(title, draftText).then((ok) => ok && setTitle(''));
          }}
        >
          <label htmlFor={`${ids}-title`}>{t('inbox.canned.saveAs')}</label>
          <input id={`${ids}-title`} type="text" data-testid="canned-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" className="button button-small" data-testid="canned-save" disabled={title.trim() === ''}>
            {t('inbox.canned.save')}
          </button>
          <span className="field-hint">
            {t('inbox.canned.variables')} <code>{CANNED_VARIABLES}</code>
          </span>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('inbox.canned.error', { message: error })}
        </p>
      )}
    </div>
  );
}
