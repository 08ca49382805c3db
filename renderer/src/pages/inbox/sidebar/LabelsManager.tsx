import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelView } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import './labels-manager.css';
import { LabelNameCheck, labelNameFits } from './LabelNameCheck';

/** Asks before deleting, with how many conversations lose the label; Escape or Cancel keeps it. */
function DeleteConfirm({ label, count, onDone }: { label: LabelView; count: number; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useStores().useLabelsStore((s) => s.remove);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // The safe answer has the focus, so Enter by habit does not delete.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="side-confirm" role="alertdialog" aria-label={t('inbox.sidebar.deleteLabel')} data-testid="label-delete-confirm">
      <p>{t('inbox.sidebar.deleteLabelAsk', { name: label.name, count })}</p>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid="label-delete-yes"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void remove(label.id).then((removed) => (removed ? onDone() : setBusy(false)));
        }}
      >
        {t('inbox.sidebar.confirmDelete')}
      </button>
      <button type="button" className="button button-small" ref={cancelRef} data-testid="label-delete-no" onClick={onDone}>
        {t('inbox.sidebar.keepLabel')}
      </button>
    </div>
  );
}

function LabelEditRow({ label }: { label: LabelView }) {
  const { t } = useTranslation();
  const { useLabelsStore } = useStores();
  const rename = useLabelsStore((s) => s.rename);
  const usage = useLabelsStore((s) => s.usage);
  // Only what the operator typed is held here, so a rename from another window shows at once.
  const [draft, setDraft] = useState<{ name: string; color: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const name = draft?.name ?? label.name;
  const color = draft?.color ?? label.color;
  const changed = name.trim() !== '' && labelNameFits(name) && (name.trim() !== label.name || color !== label.color);

  const closeConfirm = () => {
    setConfirming(null);
    deleteRef.current?.focus();
  };

  return (
    <li data-testid="label-manage-row" data-id={label.id}>
      <form
        className="side-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) void rename(label.id, name.trim(), color).then((renamed) => renamed && setDraft(null));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
      >
        <label className="visually-hidden" htmlFor={`${ids}-name`}>
          {t('inbox.sidebar.renameLabel', { name: label.name })}
        </label>
        <input id={`${ids}-name`} type="text" data-testid="label-rename" value={name} onChange={(e) => setDraft({ name: e.target.value, color })} />
        <input type="color" aria-label={t('inbox.sidebar.labelColor')} value={color} onChange={(e) => setDraft({ name, color: e.target.value })} />
        <button type="submit" className="button button-small" data-testid="label-rename-save" disabled={!changed}>
          {t('inbox.sidebar.saveLabel')}
        </button>
        <button
          type="button"
          className="button button-small"
          ref={deleteRef}
          data-testid="label-delete"
          aria-label={t('inbox.sidebar.deleteNamed', { name: label.name })}
          onClick={() => void usage(label.id).then((count) => count !== null && setConfirming(count))}
        >
          {t('inbox.sidebar.deleteLabel')}
        </button>
      </form>
      <LabelNameCheck name={name} />
      {confirming !== null && (
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') closeConfirm();
          }}
        >
          <DeleteConfirm label={label} count={confirming} onDone={closeConfirm} />
        </div>
      )}
    </li>
  );
}

/** Rename, recolour and delete labels, inline under the labels control. */
export function LabelsManager({ id }: { id: string }) {
  const labels = useStores().useLabelsStore((s) => s.labels);
  return (
    <ul className="side-labels side-labels-manage" id={id} data-testid="labels-manager">
      {labels.map((label) => (
        <LabelEditRow key={label.id} label={label} />
      ))}
    </ul>
  );
}
