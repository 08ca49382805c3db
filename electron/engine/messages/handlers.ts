import type { DomainHandlers } from '../../../shared/contract/index';
import type { CallContext } from '../contract/dispatcher';
import type { EngineContext } from '../engine-context';
import { recentMessages } from './message-repo';

export function messagesHandlers(ctx: EngineContext): DomainHandlers<'messages', CallContext> {
  return {
    'messages.recent': ({ limit }) => ({ messages: recentMessages(ctx.db(), limit) }),
  };
}
