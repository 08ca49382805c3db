import { z } from 'zod';
import { call, domain } from '../define';
import { BOT_LANGUAGES, type BotRolesView, type BotTextView } from '../../domain/bot-flows';

const botId = z.number().int().positive();
/** Known roles are checked by the engine, which knows which flows are registered. */
const role = z.string().trim().min(1, 'must name a role').max(64);
const textRef = z.object({ role, key: z.string().min(1).max(128), language: z.enum(BOT_LANGUAGES) });

/** Which roles each bot serves (support inbox, rewards, team tasks) and the texts its flows send. */
export const botFlows = domain({
  roles: call(z.object({ botId }).strict()).returns<BotRolesView>(),
  /** Replaces the bot's roles; a role no flow registers is refused. */
  setRoles: call(z.object({ botId, roles: z.array(role).max(32) }).strict()).returns<BotRolesView>(),
  /** A role's texts in every language, default and edited. */
  texts: call(z.object({ role }).strict()).returns<{ texts: BotTextView[] }>(),
  /** Replaces one default with the operator's text (same variables, fits one message). */
  setText: call(textRef.extend({ text: z.string().max(20_000) }).strict()).returns<BotTextView>(),
  /** Goes back to the flow's default text. */
  resetText: call(textRef.strict()).returns<BotTextView>(),
}).events<{
  rolesChanged: BotRolesView;
  textChanged: BotTextView;
}>();
