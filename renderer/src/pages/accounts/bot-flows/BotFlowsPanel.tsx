import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_ROLE } from '../../../../../shared/domain/bot-flows';
import { useStores } from '../../../stores/context';
import { BotRoles } from './BotRoles';
import { RoleTexts } from './RoleTexts';
import './bot-flows.css';

/** Under a bot's row, opened on demand: the roles it serves and the wording of what it says. */
export function BotFlowsPanel({ botId }: { botId: number }) {
  const { t } = useTranslation();
  const { useBotFlowsStore } = useStores();
  const view = useBotFlowsStore((s) => s.roles[botId]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (open) void useBotFlowsStore.getState().loadRoles(botId);
  }, [open, botId, useBotFlowsStore]);

  const flowRoles = view?.roles.filter((role) => role !== INBOX_ROLE) ?? [];
  return (
    <details className="bot-flows" data-testid="bot-flows" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('botFlows.title')}</summary>
      <BotRoles botId={botId} />
      {view && (
        <section className="bot-flows-texts" aria-label={t('botFlows.texts')}>
          <h4 className="bot-flows-heading">{t('botFlows.texts')}</h4>
          <p className="field-hint">{flowRoles.length > 0 ? t('botFlows.textsHint') : t('botFlows.noTexts')}</p>
          {flowRoles.map((role) => (
            <RoleTexts key={role} role={role} />
          ))}
        </section>
      )}
    </details>
  );
}
