import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { currentRole } from '../../../stores/operators/me-store';
import { LabelNameCheck, labelNameFits } from './LabelNameCheck';
import { LabelsManager } from './LabelsManager';
import './label-form.css';

const DEFAULT_COLOR = '#2a7ae2';

export function LabelsControl({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { useConversationsStore, useLabelsStore, useMeStore } = useStores();
  // Labels are the desk's: an admin makes them, every operator puts them on conversations.
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const setLabels = useConversationsStore((s) => s.setLabels);
  const labels = useLabelsStore((s) => s.labels);
  const error = useLabelsStore((s) => s.error);
  const saveLabel = useLabelsStore((s) => s.save);
  const [name, setName] = useState('');
  const [color, setColor] = useState(DEFAULT_COLOR);
  const [managing, setManaging] = useState(false);
  const ids = useId();
  const on = new Set(c.labels.map((l) => l.id));

  const toggle = (id: number) => void setLabels(c.id, on.has(id) ? [...on].filter((x) => x !== id) : [...on, id]);

  return (
    <fieldset className="side-section" data-testid="conversation-labels">
      <legend>{t('inbox.sidebar.labels')}</legend>
      {labels.length === 0 && <p className="field-hint">{admin ? t('inbox.sidebar.noLabels') : t('roleAccess.noLabels')}</p>}
      {admin && labels.length > 0 && (
        <button
          type="button"
          className="button button-small side-manage-toggle"
          data-testid="labels-manage"
          aria-expanded={managing}
          aria-controls={`${ids}-manage`}
          onClick={() => setManaging(!managing)}
        >
          {managing ? t('inbox.sidebar.doneManaging') : t('inbox.sidebar.manageLabels')}
        </button>
      )}
      {managing && labels.length > 0 && <LabelsManager id={`${ids}-manage`} />}
      <ul className="side-labels">
        {labels.map((label) => (
          <li key={label.id}>
            <label className="inbox-check">
              <input type="checkbox" data-testid="label-toggle" data-id={label.id} checked={on.has(label.id)} onChange={() => toggle(label.id)} />
              <span className="conv-label-dot" style={{ background: label.color }} aria-hidden="true" />
              {label.name}
            </label>
          </li>
        ))}
      </ul>
      {admin && (
        <form
          className="side-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() === '' || !labelNameFits(name)) return;
            void saveLabel(name.trim(), color).then((label) => {
              if (!label) return;
              setName('');
              void setLabels(c.id, [...on, label.id]);
            });
          }}
        >
          <label className="visually-hidden" htmlFor={`${ids}-name`}>
            {t('inbox.sidebar.newLabel')}
          </label>
          <input id={`${ids}-name`} type="text" data-testid="label-name" placeholder={t('inbox.sidebar.newLabel')} value={name} onChange={(e) => setName(e.target.value)} />
          <input type="color" aria-label={t('inbox.sidebar.labelColor')} value={color} onChange={(e) => setColor(e.target.value)} />
          <button type="submit" className="button button-small" data-testid="label-add" disabled={name.trim() === '' || !labelNameFits(name)}>
            {t('inbox.sidebar.addLabel')}
          </button>
        </form>
      )}
      {admin && <LabelNameCheck name={name} />}
      {error && (
        <p className="field-error" role="alert">
          {t('inbox.sidebar.labelError', { message: error })}
        </p>
      )}
    </fieldset>
  );
}
