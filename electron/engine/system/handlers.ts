import type { DomainHandlers } from '../../../shared/contract/index';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';

export function systemHandlers(ctx: EngineContext): DomainHandlers<'system', CallContext> {
  return {
    'system.status': () => ctx.status(),
    'system.notify': (notification) => ({ shown: ctx.notifier.notify(notification) }),
  };
}
