import type { Database } from 'better-sqlite3';
import type { DeskEvent, DomainHandlers } from '../../../shared/contract/index';
import { DeskError } from '../../../shared/contract/result';
import { BOT_LANGUAGES, INBOX_ROLE, botTextProblem, describeBotTextProblem, textVariables, type BotLanguage, type BotRolesView, type BotTextView } from '../../../shared/domain/bot-flows';
import type { AuditRecord } from '../audit/audit-repo';
import { findBot } from '../bots/store/bot-repo';
import type { CallContext } from '../contract/dispatcher';
import type { BotFlow } from './bot-flow';
import { botRoles, replaceBotRoles } from './bot-roles-repo';
import { deleteEditedText, editedTexts, saveEditedText } from './bot-texts-repo';
import { createFlowRegistry } from './flow-registry';

export interface BotFlowsHandlerDeps {
  db: Database;
  flows: readonly BotFlow[];
  now(): number;
  audit(record: AuditRecord): void;
  emit(event: DeskEvent): void;
}

/** The operator's side of bot flows: which roles each bot serves, and the wording of each role's texts. */
export function botFlowsHandlers(deps: BotFlowsHandlerDeps) {
  const registry = createFlowRegistry(deps.flows);
  const { db } = deps;

  // A role whose flow is gone (its domain removed) is not shown, and the next change drops it.
  const knownRoles = (botId: number) => botRoles(db, botId).filter((role) => registry.roles.includes(role));
  const rolesView = (botId: number): BotRolesView => ({ botId, roles: knownRoles(botId), available: [...registry.roles] });

  const needBot = (botId: number) => {
    const bot = findBot(db, botId);
    if (!bot) throw new DeskError('not_found', `There is no bot ${botId}; it may have been removed.`);
    return bot;
  };

  const needFlow = (role: string): BotFlow => {
    const flow = registry.flow(role);
    if (flow) return flow;
    const hint = role === 'inbox' ? 'The support inbox has no bot texts of its own.' : `Known roles: ${registry.roles.join(', ')}.`;
    throw new DeskError('not_found', `No bot flow serves the role "${role}". ${hint}`);
  };

  const needText = (flow: BotFlow, key: string) => {
    const defaults = flow.texts[key];
    if (!defaults) throw new DeskError('not_found', `The ${flow.role} bot has no text "${key}".`);
    return defaults;
  };

  function textView(flow: BotFlow, key: string, language: BotLanguage): BotTextView {
    const edit = editedTexts(db, flow.role).find((e) => e.key === key && e.language === language);
    return viewOf(flow, key, language, edit);
  }

  function viewOf(flow: BotFlow, key: string, language: BotLanguage, edit: ReturnType<typeof editedTexts>[number] | undefined): BotTextView {
    const defaultText = flow.texts[key]![language];
    return {
      role: flow.role,
      key,
      language,
      defaultText,
      editedText: edit?.text ?? null,
      updatedAt: edit?.updatedAt ?? null,
      updatedBy: edit?.updatedBy ?? null,
      variables: textVariables(defaultText),
    };
  }

  // Checked against the contract, typed as written (synchronous), so callers need not await.
  return {
    'botFlows.roles': ({ botId }) => {
      needBot(botId);
      return rolesView(botId);
    },
    'botFlows.setRoles': ({ botId, roles }, call) => {
      const bot = needBot(botId);
      const unknown = roles.filter((role) => !registry.roles.includes(role));
      if (unknown.length > 0) {
        throw new DeskError('invalid_input', `Unknown bot role${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}. A bot can serve: ${registry.roles.join(', ')}.`);
      }
      const before = knownRoles(botId);
      // Whatever no flow takes reaches the inbox, so every bot keeps that role.
      replaceBotRoles(db, botId, [INBOX_ROLE, ...roles.filter((role) => role !== INBOX_ROLE)]);
      const view = rolesView(botId);
      deps.audit({ actor: call.actor, action: 'botFlows.setRoles', target: `bot:${botId}`, details: { username: bot.username, from: before, to: view.roles } });
      deps.emit({ type: 'botFlows.rolesChanged', payload: view });
      return view;
    },
    'botFlows.texts': ({ role }) => {
      const flow = needFlow(role);
      const edits = editedTexts(db, role);
      const texts = Object.keys(flow.texts).flatMap((key) =>
        BOT_LANGUAGES.map((language) => viewOf(flow, key, language, edits.find((e) => e.key === key && e.language === language))),
      );
      return { texts };
    },
    'botFlows.setText': ({ role, key, language, text }, call) => {
      const flow = needFlow(role);
      const defaultText = needText(flow, key)[language];
      const problem = botTextProblem(text, defaultText);
      if (problem) throw new DeskError('invalid_input', describeBotTextProblem(problem));
      // The default written out again is no edit: the row goes, so a later change of the default shows.
      if (text === defaultText) deleteEditedText(db, role, key, language);
      else saveEditedText(db, role, { key, language, text, updatedAt: deps.now(), updatedBy: call.actor });
      const view = textView(flow, key, language);
      deps.audit({ actor: call.actor, action: 'botFlows.setText', target: `${role}/${key}/${language}`, details: { text: view.editedText } });
      deps.emit({ type: 'botFlows.textChanged', payload: view });
      return view;
    },
    'botFlows.resetText': ({ role, key, language }, call) => {
      const flow = needFlow(role);
      needText(flow, key);
      const removed = deleteEditedText(db, role, key, language);
      const view = textView(flow, key, language);
      if (removed) {
        deps.audit({ actor: call.actor, action: 'botFlows.resetText', target: `${role}/${key}/${language}` });
        deps.emit({ type: 'botFlows.textChanged', payload: view });
      }
      return view;
    },
  } satisfies DomainHandlers<'botFlows', CallContext>;
}
