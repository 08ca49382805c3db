import type { DomainHandlers } from '../../../shared/contract/index';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';

export function settingsHandlers(ctx: EngineContext): DomainHandlers<'settings', CallContext> {
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch, call) => {
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
