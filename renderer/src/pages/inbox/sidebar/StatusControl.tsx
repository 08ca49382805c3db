import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useInboxFormats } from '../format';
import { SNOOZE_PRESETS, snoozeUntil } from './snooze-presets';
import { SnoozePicker } from './SnoozePicker';
import './status-control.css';

const PLAIN = ['open', 'pending', 'resolved'] as const;

export function StatusControl({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const { useConversationsStore } = useStores();
  const setStatus = useConversationsStore((s) => s.setStatus);
  const [snoozing, setSnoozing] = useState(false);

  const snooze = (until: number) => {
    setSnoozing(false);
    void setStatus(c.id, 'snoozed', until);
  };

  return (
    <fieldset className="side-section" data-testid="conversation-status" data-status={c.status}>
      <legend>{t('inbox.sidebar.status')}</legend>
      <div className="segmented">
        {PLAIN.map((status) => (
          <button
            key={status}
            type="button"
            className="button button-small"
            data-testid={`status-${status}`}
            aria-pressed={c.status === status}
            onClick={() => void setStatus(c.id, status)}
          >
            {t(`inbox.status.${status}`)}
          </button>
        ))}
        <button type="button" className="button button-small" data-testid="status-snoozed" aria-pressed={c.status === 'snoozed'} aria-expanded={snoozing} onClick={() => setSnoozing(!snoozing)}>
          {t('inbox.sidebar.snooze')}
        </button>
      </div>
      {c.status === 'snoozed' && c.snoozedUntil !== null && <p className="field-hint">{t('inbox.sidebar.snoozedUntil', { time: formats.full(c.snoozedUntil) })}</p>}
      {snoozing && (
        <div className="snooze-menu" role="group" aria-label={t('inbox.sidebar.snooze')}>
          {SNOOZE_PRESETS.map((preset) => (
            <button key={preset} type="button" className="button button-small" data-testid="snooze-preset" data-preset={preset} onClick={() => snooze(snoozeUntil(preset))}>
              {t(`inbox.sidebar.snoozePresets.${preset}`)}
            </button>
          ))}
          <SnoozePicker onPick={snooze} />
        </div>
      )}
    </fieldset>
  );
}
