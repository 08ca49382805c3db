import { methodNames } from '../../../shared/contract/index';
import type { BotFlow } from '../bot-flows/bot-flow';
import type { InboundConsumer } from '../inbound/inbound';
import type { ActionKind } from '../outbox/action-kind';
import type { DomainContext, DomainFactory, DomainModule } from './domain-module';

/** Every domain of one engine run, built from the list, with their parts gathered. */
export interface ComposedDomains {
  modules: DomainModule[];
  handlers: Record<string, unknown>;
  actionKinds: ActionKind<unknown>[];
  /** In list order; the inbox is last in the list and so sees what the others left. */
  consumers: InboundConsumer[];
  botFlows: BotFlow[];
  /** Starts each domain in list order. */
  start(): Promise<void>;
  /** Stops each domain in reverse order; one failing does not keep the others running. */
  stop(onError: (domain: string, error: unknown) => void): Promise<void>;
}

/**
 * Builds each domain and gathers what it brings. Two domains claiming the same method, action
 * kind, bot role or command prefix is a programming error, refused at start with both names.
 */
export function composeDomains(factories: readonly DomainFactory[], ctx: DomainContext): ComposedDomains {
  const modules = factories.map((factory) => factory(ctx));
  const handlers: Record<string, unknown> = {};
  const owners = new Map<string, string>();
  const claim = (what: string, by: string) => {
    const earlier = owners.get(what);
    if (earlier) throw new Error(`${what} is claimed by both the ${earlier} and the ${by} domain.`);
    owners.set(what, by);
  };
  for (const module of modules) {
    for (const [method, handler] of Object.entries(module.handlers ?? {})) {
      claim(`Method ${method}`, module.name);
      handlers[method] = handler;
    }
    for (const kind of module.actionKinds ?? []) claim(`Action kind ${kind.name} for ${kind.sender}s`, module.name);
    for (const flow of module.botFlows ?? []) {
      claim(`Bot role ${flow.role}`, module.name);
      if (flow.callbackPrefix) claim(`Callback prefix ${flow.callbackPrefix}`, module.name);
    }
  }
  return {
    modules,
    handlers,
    actionKinds: modules.flatMap((m) => m.actionKinds ?? []),
    consumers: modules.flatMap((m) => m.consumers ?? []),
    botFlows: modules.flatMap((m) => m.botFlows ?? []),
    async start() {
      for (const module of modules) await module.start?.();
    },
    async stop(onError) {
      for (const module of [...modules].reverse()) {
        try {
          await module.stop?.();
        } catch (error) {
          onError(module.name, error);
        }
      }
    },
  };
}

/** Contract methods nobody handles: the engine refuses to start with any, naming them. */
export function unhandledMethods(handlers: Record<string, unknown>): string[] {
  return methodNames().filter((method) => typeof handlers[method] !== 'function');
}
