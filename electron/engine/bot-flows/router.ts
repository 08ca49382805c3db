import type { Database } from 'better-sqlite3';
import { botLanguageOf, fillText, type BotLanguage } from '../../../shared/domain/bot-flows';
import { isStorageFailure } from '../db/storage-failure';
import type { InboundBatch, InboundConsumer, InboundContext } from '../inbound/inbound';
import type { Logger } from '../logging/logger';
import type { Origin } from '../outbox/action-kind';
import type { CallbackQuery, InboundMessage, InboundPerson } from '../telegram/inbound/types';
import { CALLBACK_ANSWER_MAX, checkKeyboard, fitText, MESSAGE_TEXT_MAX, type BotActions } from './bot-actions';
import type { BotFlow, CallbackContext, FlowContext } from './bot-flow';
import { botRoles } from './bot-roles-repo';
import { editedText } from './bot-texts-repo';
import { createFlowRegistry } from './flow-registry';

/** The router's own outbox rows (answers to buttons nobody owns, the "something went wrong" text). */
export const ROUTER_DOMAIN = 'bot-flows';

/** What a person reads when a flow failed on their update; the flow's effects were taken back. */
export const FAILURE_TEXT: Record<BotLanguage, string> = {
  en: 'Sorry, something went wrong on our side. Please try again in a little while.',
  ru: 'Извините, у нас что-то пошло не так. Попробуйте ещё раз чуть позже.',
};

export interface BotFlowRouterOptions {
  flows: readonly BotFlow[];
  actions: BotActions;
  logger: Pick<Logger, 'error'>;
}

type Queued = () => void;

/** Thrown inside a handler's savepoint when `onMessage` answers false, so what it did is taken back. */
const NOT_CLAIMED = Symbol('not claimed');
const FAILED = Symbol('failed');

/**
 * The inbound consumer that gives a bot's updates to the flows of the roles it serves:
 * - a message with a command: the first of the bot's flows (in registration order) that owns the command;
 * - a callback whose data starts with a flow's prefix: that flow;
 * - a plain message: the first flow whose `onMessage` answers true;
 * - an edit of a command a flow owns is dropped (not run again, not news for the inbox);
 * - anything else, every update of a bot without flow roles, and every account batch, passes on
 *   untouched, except callbacks: the router answers every button press of a bot (empty when no
 *   flow owns it) so no spinner is left turning, and takes them all out of the batch.
 * Each handler runs in a savepoint inside the transaction that commits the offset, and its
 * replies reach the outbox only if it returns normally; a handler that throws leaves nothing,
 * its message falls to the inbox (an operator sees it), the person gets FAILURE_TEXT (a button
 * press: as its answer), the log says why. A write SQLite cannot make (full disk) is rethrown:
 * the whole update rolls back and comes again.
 */
export function createBotFlowRouter(options: BotFlowRouterOptions): InboundConsumer {
  const registry = createFlowRegistry(options.flows);
  const { actions, logger } = options;

  function consume(batch: InboundBatch, inbound: InboundContext): InboundBatch | void {
    if (batch.source.kind !== 'bot') return;
    const botId = batch.source.id;
    const serving = new Set(botRoles(inbound.db, botId));
    const flows = registry.flows.filter((flow) => serving.has(flow.role));
    const env: Env = { db: inbound.db, now: inbound.now, botId };

    const messages = flows.length === 0 ? batch.messages : batch.messages.filter((message) => !routeMessage(env, flows, message));
    // An edited command is not run again (bots answer what was sent), nor shown to operators as news.
    const edits = flows.length === 0 ? batch.edits : batch.edits.filter((edit) => !ownedCommand(flows, edit));
    for (const callback of batch.callbacks) routeCallback(env, flows, callback);
    if (messages.length === batch.messages.length && edits.length === batch.edits.length && batch.callbacks.length === 0) return;
    return { ...batch, messages, edits, callbacks: [] };
  }

  function ownedCommand(flows: BotFlow[], message: InboundMessage): BotFlow | undefined {
    const name = message.command?.name;
    return name === undefined ? undefined : flows.find((f) => f.commands && Object.hasOwn(f.commands, name));
  }

  /** True when a flow took the message out of the inbox's way. */
  function routeMessage(env: Env, flows: BotFlow[], message: InboundMessage): boolean {
    if (message.outgoing || message.senderId === null) return false;
    const person = message.sender ?? { userId: message.senderId, firstName: message.senderName, lastName: null, username: null, languageCode: null };
    const where: Where = { chatKey: message.chatKey, person, ref: `${message.chatKey}:${message.telegramMessageId}` };
    const command = message.command;
    if (command) {
      const flow = ownedCommand(flows, message);
      if (!flow) return false;
      const outcome = runHandler(env, flow, where, `/${command.name}`, (ctx) => flow.commands![command.name]!({ ...ctx, command, message }));
      return outcome !== FAILED;
    }
    for (const flow of flows) {
      if (!flow.onMessage) continue;
      const outcome = runHandler(env, flow, where, 'message', (ctx) => {
        if (!flow.onMessage!({ ...ctx, message })) throw NOT_CLAIMED;
      });
      if (outcome === FAILED) return false;
      if (outcome !== NOT_CLAIMED) return true;
    }
    return false;
  }

  function routeCallback(env: Env, flows: BotFlow[], callback: CallbackQuery): void {
    const where: Where = { chatKey: callback.chatKey ?? `user:${callback.from.userId}`, person: callback.from, ref: `callback:${callback.id}`, callbackQueryId: callback.id };
    const data = callback.data;
    const flow = data === null ? undefined : flows.find((f) => f.onCallback && data.startsWith(f.callbackPrefix!));
    if (!flow) {
      routerSend(env, () => answer(env, callback.id, null, false, { domain: ROUTER_DOMAIN, ref: where.ref }));
      return;
    }
    runHandler(env, flow, where, `callback ${data}`, (ctx, queue) => {
      let answered = false;
      const callbackCtx: CallbackContext = {
        ...ctx,
        callback,
        answer(text, answerOptions) {
          if (answered) throw new Error('A callback query is answered once.');
          answered = true;
          queue.push(() => answer(env, callback.id, text ?? null, answerOptions?.alert ?? false, { domain: flow.role, ref: where.ref }));
        },
      };
      flow.onCallback!(callbackCtx);
      if (!answered) queue.push(() => answer(env, callback.id, null, false, { domain: flow.role, ref: where.ref }));
    });
  }

  function answer(env: Env, callbackQueryId: string, text: string | null, alert: boolean, origin: Origin): void {
    actions.answerCallback({ botId: env.botId, callbackQueryId, text: text === null ? null : fitText(text, CALLBACK_ANSWER_MAX), alert, origin });
  }

  /**
   * Runs one handler in a savepoint: its writes and (at its end) its queued replies commit with
   * the update, or none of them do. Undefined when it ran through, else NOT_CLAIMED or FAILED.
   */
  function runHandler(env: Env, flow: BotFlow, where: Where, what: string, handle: (ctx: FlowContext, queue: Queued[]) => void): typeof NOT_CLAIMED | typeof FAILED | undefined {
    try {
      env.db.transaction(() => {
        const queue: Queued[] = [];
        handle(flowContext(env, flow, where, queue), queue);
        for (const send of queue) send();
      })();
      return undefined;
    } catch (error) {
      if (error === NOT_CLAIMED) return NOT_CLAIMED;
      // Not the flow's fault: the whole update rolls back and comes again.
      if (isStorageFailure(error)) throw error;
      logger.error({ scope: 'bot-flows', err: error, role: flow.role, botId: env.botId, chatKey: where.chatKey, update: what }, 'a bot flow failed; its effects were taken back');
      const language = botLanguageOf(where.person.languageCode);
      const origin = { domain: ROUTER_DOMAIN, ref: where.ref };
      routerSend(env, () => {
        if (where.callbackQueryId !== undefined) answer(env, where.callbackQueryId, FAILURE_TEXT[language], false, origin);
        else actions.message({ botId: env.botId, chatKey: where.chatKey, text: FAILURE_TEXT[language], keyboard: null, origin });
      });
      return FAILED;
    }
  }

  /**
   * The router's own courtesy (an empty answer, the failure text) is worth less than the batch:
   * if the outbox refuses it (the bot was removed meanwhile), the update still commits.
   */
  function routerSend(env: Env, send: () => void): void {
    try {
      env.db.transaction(send)();
    } catch (error) {
      if (isStorageFailure(error)) throw error;
      logger.error({ scope: 'bot-flows', err: error, botId: env.botId }, 'the bot flow router could not queue its own answer');
    }
  }

  function flowContext(env: Env, flow: BotFlow, where: Where, queue: Queued[]): FlowContext {
    const language = botLanguageOf(where.person.languageCode);
    const origin = (ref: string | undefined): Origin => ({ domain: flow.role, ref: ref ?? where.ref });
    return {
      db: env.db,
      now: env.now,
      botId: env.botId,
      chatKey: where.chatKey,
      person: where.person,
      language,
      text(key, vars) {
        const defaults = flow.texts[key];
        if (!defaults) throw new Error(`Bot flow "${flow.role}" has no text "${key}".`);
        return fillText(editedText(env.db, flow.role, key, language) ?? defaults[language], vars);
      },
      reply(text, replyOptions = {}) {
        if (replyOptions.keyboard) checkKeyboard(replyOptions.keyboard);
        const action = { botId: env.botId, chatKey: replyOptions.chatKey ?? where.chatKey, text: fitText(text, MESSAGE_TEXT_MAX), keyboard: replyOptions.keyboard ?? null, origin: origin(replyOptions.ref) };
        queue.push(() => actions.message(action));
      },
      edit(telegramMessageId, text, editOptions = {}) {
        if (editOptions.keyboard) checkKeyboard(editOptions.keyboard);
        const action = { botId: env.botId, chatKey: where.chatKey, telegramMessageId, text: fitText(text, MESSAGE_TEXT_MAX), keyboard: editOptions.keyboard ?? null, origin: origin(editOptions.ref) };
        queue.push(() => actions.edit(action));
      },
    };
  }

  return { name: 'bot-flows', consume };
}

interface Env {
  db: Database;
  now: number;
  botId: number;
}

/** Where an update came from and who sent it; `ref` names it in the outbox rows it causes. */
interface Where {
  chatKey: string;
  person: InboundPerson;
  ref: string;
  /** Set for a button press: a failure is told as its answer. */
  callbackQueryId?: string;
}
