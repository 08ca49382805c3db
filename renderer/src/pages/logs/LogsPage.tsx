import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditPanel } from './AuditPanel';
import { LogsPanel } from './LogsPanel';
import './logs.css';

const TABS = ['logs', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function LogsPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [tab, setTab] = useState<Tab>('logs');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ logs: null, audit: null });

  // The WAI-ARIA tabs pattern: Left/Right move between tabs and select them.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="logs-page">
      <div className="tabs" role="tablist" aria-label={t('logs.tabsLabel')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${id}`}
            className="tab"
            data-testid={`logs-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${ids}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`logs.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${ids}-panel-${tab}`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className="tab-panel"
      >
        {tab === 'logs' ? <LogsPanel /> : <AuditPanel />}
      </div>
    </div>
  );
}
