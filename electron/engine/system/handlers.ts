import type { DomainHandlers } from '../../../shared/contract/index';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';

export function systemHandlers(ctx: EngineContext): DomainHandlers<'system', CallContext> {
  return {
    'system.status': () => ctx.status(),
    'system.notify': (notification) => ({ shown: ctx.notifier.notify(notification) }),
    'system.httpApi': () => ctx.httpApi.status(),
    'system.renewHttpToken': async (_input, call) => {
      await ctx.httpApi.renewToken();
      ctx.audit({ actor: call.actor, action: 'http.renewToken', target: null });
      return ctx.httpApi.status();
    },
  };
}
