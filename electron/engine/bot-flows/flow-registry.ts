import { INBOX_ROLE } from '../../../shared/domain/bot-flows';
import type { BotFlow } from './bot-flow';

const ROLE = /^[a-z0-9-]+$/;

/** The registered flows, checked once at start so a clash is a start-up error, never a misrouted update. */
export interface FlowRegistry {
  /** In registration order: the first flow of a bot's roles that owns something gets it. */
  flows: readonly BotFlow[];
  /** Every role a bot may serve: the inbox, then each flow's. */
  roles: readonly string[];
  flow(role: string): BotFlow | undefined;
}

export function createFlowRegistry(flows: readonly BotFlow[]): FlowRegistry {
  const byRole = new Map<string, BotFlow>();
  for (const flow of flows) {
    if (!ROLE.test(flow.role)) throw new Error(`Bot flow role "${flow.role}" must be lowercase letters, digits and dashes.`);
    if (flow.role === INBOX_ROLE) throw new Error(`"${INBOX_ROLE}" is the support inbox's role and needs no flow.`);
    if (byRole.has(flow.role)) throw new Error(`Two bot flows claim the role "${flow.role}".`);
    checkPrefix(flow, [...byRole.values()]);
    if (flow.onCallback && !flow.callbackPrefix) throw new Error(`Bot flow "${flow.role}" handles callbacks but names no callbackPrefix.`);
    for (const name of Object.keys(flow.commands ?? {})) {
      if (!/^[a-z0-9_]{1,32}$/.test(name)) throw new Error(`Bot flow "${flow.role}": command "${name}" must be 1-32 of a-z, 0-9 and _ (Telegram's rule).`);
    }
    byRole.set(flow.role, flow);
  }
  return { flows: [...flows], roles: [INBOX_ROLE, ...byRole.keys()], flow: (role) => byRole.get(role) };
}

/** Two prefixes where one starts the other would make a button's owner depend on list order. */
function checkPrefix(flow: BotFlow, earlier: BotFlow[]): void {
  const prefix = flow.callbackPrefix;
  if (prefix === undefined) return;
  if (prefix === '') throw new Error(`Bot flow "${flow.role}" has an empty callbackPrefix; it would take every button.`);
  const clash = earlier.find((other) => other.callbackPrefix !== undefined && (other.callbackPrefix.startsWith(prefix) || prefix.startsWith(other.callbackPrefix)));
  if (clash) throw new Error(`Bot flows "${clash.role}" and "${flow.role}" have overlapping callback prefixes ("${clash.callbackPrefix}", "${prefix}").`);
}
