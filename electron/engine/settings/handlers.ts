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
        if (changed.includes('workspace')) ctx.requestRestart();
        if (changed.includes('dataDir')) {
          ctx.logger.info({ scope: 'settings', dataDir: settings.dataDir }, 'data folder changed; takes effect at next start');
        }
      }
      return settings;
    },
  };
}
