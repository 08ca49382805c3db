import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxAction, SandboxPerson, SandboxTarget, SandboxTargetKind } from '../../../../shared/domain/sandbox';
import { useStores } from '../../stores/context';

interface ActionGroup {
  id: 'write' | 'read' | 'chats' | 'bots';
  kinds: readonly SandboxTargetKind[];
  testId: string;
  /** Buttons besides Send, which is the form's submit. */
  actions: readonly SandboxAction[];
}

/**
 * Actions grouped by the kinds of target they take, as the engine accepts them; each group
 * has its own target list so every choice offered is one its actions can use.
 */
const WRITE: ActionGroup = { id: 'write', kinds: ['account', 'bot'], testId: 'sandbox-target', actions: ['screenshot'] };
const READ: ActionGroup = { id: 'read', kinds: ['account'], testId: 'sandbox-target-read', actions: [] };
const CHATS: ActionGroup = { id: 'chats', kinds: ['channel', 'group'], testId: 'sandbox-target-chat', actions: ['join', 'leave'] };
const BOTS: ActionGroup = { id: 'bots', kinds: ['bot'], testId: 'sandbox-target-bot', actions: ['block', 'unblock'] };

const targetLabel = (target: SandboxTarget) => (target.username ? `${target.name} (@${target.username})` : target.name);

function TargetSelect(p: { testId: string; label: string; targets: SandboxTarget[]; value: SandboxTarget; onChange(id: number): void }) {
  const { t } = useTranslation();
  const kinds = [...new Set(p.targets.map((x) => x.kind))];
  return (
    <label className="sandbox-field">
      <span>{p.label}</span>
      <select data-testid={p.testId} value={p.value.id} onChange={(e) => p.onChange(Number(e.target.value))}>
        {kinds.map((kind) => (
          <optgroup key={kind} label={t(`sandbox.kinds.${kind}`)}>
            {p.targets
              .filter((x) => x.kind === kind)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {targetLabel(x)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** Acts as the selected person: writes, sends a screenshot, reads, joins or leaves, blocks the bot; or as the account reading on its phone. */
export function ActionPanel({ person, targets }: { person: SandboxPerson; targets: SandboxTarget[] }) {
  const { t } = useTranslation();
  const { useSandboxStore } = useStores();
  const acting = useSandboxStore((s) => s.acting);
  const actError = useSandboxStore((s) => s.actError);
  const act = useSandboxStore((s) => s.act);
  const readChat = useSandboxStore((s) => s.readChat);
  const ids = useId();
  const [chosen, setChosen] = useState<Partial<Record<ActionGroup['id'], number>>>({});
  const [text, setText] = useState('');

  // A target gone after a reload falls back to the group's first one rather than to nothing.
  const targetOf = (group: ActionGroup) => {
    const fitting = targets.filter((x) => group.kinds.includes(x.kind));
    return { fitting, target: fitting.find((x) => x.id === chosen[group.id]) ?? fitting[0] ?? null };
  };

  const run = async (action: SandboxAction, target: SandboxTarget) => {
    if (acting) return;
    const trimmed = text.trim();
    // Write needs the text; a screenshot takes it as an optional caption.
    const withText = (action === 'write' || action === 'screenshot') && trimmed !== '';
    const done = await act({ personId: person.id, action, targetId: target.id, ...(withText ? { text: trimmed } : {}) });
    if (done && withText) setText('');
  };

  const row = (group: ActionGroup, extra?: (target: SandboxTarget) => ReactNode) => {
    const { fitting, target } = targetOf(group);
    if (!target) return null;
    return (
      <div className="sandbox-row" key={group.id}>
        <TargetSelect
          testId={group.testId}
          label={t(`sandbox.act.groups.${group.id}`)}
          targets={fitting}
          value={target}
          onChange={(id) => setChosen((c) => ({ ...c, [group.id]: id }))}
        />
        {extra?.(target)}
        <div className="sandbox-buttons">
          {group.actions.map((action) => (
            <button
              key={action}
              type="button"
              className="button"
              data-testid={`sandbox-${action}`}
              disabled={acting}
              onClick={() => void run(action, target)}
            >
              {t(`sandbox.act.actions.${action}`)}
            </button>
          ))}
        </div>
      </div>
    );
  };

  const writeTarget = targetOf(WRITE).target;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (writeTarget && text.trim() !== '') void run('write', writeTarget);
  };

  return (
    <section className="sandbox-card" aria-labelledby={`${ids}-title`} data-testid="sandbox-actions">
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.act.title', { name: person.name })}
      </h2>
      <form className="sandbox-act" onSubmit={onSubmit} noValidate>
        {row(WRITE, () => (
          <div className="sandbox-write">
            <label className="sandbox-field sandbox-grow">
              <span>{t('sandbox.act.text')}</span>
              <input
                type="text"
                data-testid="sandbox-text"
                value={text}
                aria-invalid={actError ? true : undefined}
                onChange={(e) => setText(e.target.value)}
              />
            </label>
            <button type="submit" className="button button-primary" data-testid="sandbox-send" disabled={acting || text.trim() === ''}>
              {t('sandbox.act.actions.write')}
            </button>
          </div>
        ))}
        {row(READ, (target) => (
          <div className="sandbox-buttons">
            {(['person', 'account'] as const).map((reader) => (
              <button
                key={reader}
                type="button"
                className="button"
                data-testid={`sandbox-read-${reader}`}
                disabled={acting}
                onClick={() => void readChat({ personId: person.id, targetId: target.id, reader })}
              >
                {t(`sandbox.act.read.${reader}`, { name: person.name })}
              </button>
            ))}
          </div>
        ))}
        {row(CHATS)}
        {row(BOTS)}
        {actError && (
          <p className="form-error" role="alert" data-testid="sandbox-error">
            {t('sandbox.act.error', { message: actError })}
          </p>
        )}
      </form>
    </section>
  );
}
