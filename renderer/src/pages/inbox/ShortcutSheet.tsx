import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  { keys: 'Alt+↑ / Alt+↓, Ctrl+↑ / Ctrl+↓', action: 'move' },
  { keys: 'Ctrl+K, /', action: 'search' },
  { keys: 'Enter, Ctrl+Enter', action: 'send' },
  { keys: 'Shift+Enter', action: 'newline' },
  { keys: 'Alt+R', action: 'resolve' },
  { keys: 'Esc', action: 'escape' },
  { keys: 'Alt+1 … Alt+0', action: 'areas' },
  { keys: '?', action: 'sheet' },
] as const;

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-sheet-title"
        data-testid="shortcut-sheet"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="shortcut-sheet-title">{t('inbox.shortcuts.title')}</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="shortcut-item">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{t(`inbox.shortcuts.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
        <div className="form-actions">
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t('inbox.shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
