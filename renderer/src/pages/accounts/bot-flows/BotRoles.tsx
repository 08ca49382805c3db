import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { INBOX_ROLE } from '../../../../../shared/domain/bot-flows';
import { roleName } from './role-name';

/** One checkbox per role the desk knows; a change is saved at once. */
export function BotRoles({ botId }: { botId: number }) {
  const { t } = useTranslation();
  const { useBotFlowsStore } = useStores();
  const view = useBotFlowsStore((s) => s.roles[botId]);
  const saving = useBotFlowsStore((s) => s.rolesSaving[botId] === true);
  const error = useBotFlowsStore((s) => s.rolesError[botId] ?? null);

  const toggle = (role: string, on: boolean) => {
    if (!view) return;
    const roles = on ? [...view.roles, role] : view.roles.filter((r) => r !== role);
    void useBotFlowsStore.getState().setRoles(botId, roles);
  };

  return (
    <fieldset className="bot-roles" data-testid="bot-roles" disabled={!view || saving}>
      <legend>{t('botFlows.rolesLegend')}</legend>
      <p className="field-hint">{t('botFlows.rolesHint')}</p>
      <div className="bot-roles-list">
        {view?.available.map((role) => (
          <label key={role} className="field-inline" data-testid="bot-role" data-role={role}>
            {/* What no flow takes reaches the inbox whatever the roles, so that one is always on. */}
            <input type="checkbox" checked={role === INBOX_ROLE || view.roles.includes(role)} disabled={role === INBOX_ROLE} onChange={(e) => toggle(role, e.target.checked)} />
            {roleName(t, role)}
          </label>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="bot-roles-error">
          {t(view ? 'botFlows.rolesError' : 'botFlows.loadError', { message: error })}
        </p>
      )}
    </fieldset>
  );
}
