import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

const SHORTCUTS = [
  { keys: 'Alt+↑ / Alt+↓, Ctrl+↑ / Ctrl+↓', action: 'move' },
  { keys: 'Ctrl+K, /', action: 'search' },
  { keys: 'Enter, Ctrl+Enter', action: 'send' },
  { keys: 'Shift+Enter', action: 'newline' },
  { keys: 'Alt+R', action: 'resolve' },
  { keys: 'Alt+N', action: 'takeNext' },
  { keys: 'Esc', action: 'escape' },
  { keys: 'Alt+1 … Alt+0', action: 'areas' },
  { keys: '?', action: 'sheet' },
] as const;

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('inbox.shortcuts.title')} onClose={onClose} testId="shortcut-sheet">
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
        <button type="button" className="button" onClick={onClose}>
          {t('inbox.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
