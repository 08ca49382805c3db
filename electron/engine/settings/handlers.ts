import { DeskError, type DomainHandlers } from '../../../shared/contract/index';
import type { SettingsPatch } from '../../../shared/contract/domains/settings';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';
import type { TeamHub } from '../operators/team-ports';

export interface SettingsHandlerDeps {
  /** The same check as `operators.probeHub`: the hub answers with the pinned certificate, or a reason. */
  probeHub: TeamHub['probe'];
}

export function settingsHandlers(ctx: EngineContext, deps: SettingsHandlerDeps): DomainHandlers<'settings', CallContext> {
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': async (input, call) => {
      // A pin that does not probe right would leave the app opening a desk it cannot reach: refused, nothing stored.
      const patch = input.teamDesk ? { ...input, teamDesk: await checkedPin(ctx, deps, input.teamDesk) } : input;
      const { settings, changed } = ctx.settings.update(patch);
      if (changed.length > 0) {
        ctx.audit({ actor: call.actor, action: 'settings.update', target: changed.join(','), details: { changed } });
        ctx.events.emit({ type: 'settings.changed', payload: settings });
        // Choosing the workspace that already runs (the sandbox, at first run) needs no restart.
        if (changed.includes('workspace') && settings.workspace !== ctx.status().workspace) ctx.requestRestart();
        if (changed.includes('httpIntake')) void ctx.httpApi.apply(settings.httpIntake);
        if (changed.includes('dataDir')) {
          ctx.logger.info({ scope: 'settings', dataDir: settings.dataDir }, 'data folder changed; takes effect at next start');
        }
      }
      return settings;
    },
  };
}

/** Stored as the shell compares it: the hub's origin and the fingerprint as the hub presented it. */
async function checkedPin(ctx: EngineContext, deps: SettingsHandlerDeps, pin: NonNullable<SettingsPatch['teamDesk']>) {
  // Only the desktop app's shell opens a team desk; a pin stored by headless mode would do nothing.
  if (ctx.status().mode !== 'electron') throw new DeskError('unavailable', 'Only the desktop app connects to a team desk; this desk runs in headless mode.');
  const { fingerprint } = await deps.probeHub(pin.url, pin.fingerprint);
  return { url: new URL(pin.url).origin, fingerprint };
}
