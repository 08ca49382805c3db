/** Languages a bot speaks to people in (picked from their Telegram `language_code`, English otherwise). */
export const BOT_LANGUAGES = ['en', 'ru'] as const;
export type BotLanguage = (typeof BOT_LANGUAGES)[number];

/** The role every bot had before roles existed: its chats go to the support inbox. */
export const INBOX_ROLE = 'inbox';

/** Telegram's limit for one message's text. */
export const BOT_TEXT_MAX = 4096;
/**
 * What a `{{variable}}` may grow to when filled (a name, a title, a number), counted when an
 * operator's text is checked so the filled message still fits in one Telegram message.
 */
export const FILLED_VARIABLE_BUDGET = 64;

/** Telegram's `language_code` is an IETF tag (`ru`, `ru-RU`, `en-GB`) or absent. */
export function botLanguageOf(languageCode: string | null | undefined): BotLanguage {
  return languageCode?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The `{{names}}` a text uses, each once, in order of first use. */
export function textVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Fills `{{name}}` from `vars`; a name `vars` lacks stays visible as written, so a slip shows instead of vanishing. */
export function fillText(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(VARIABLE, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

export type BotTextProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number; max: number }
  | { kind: 'missingVariables'; names: string[] }
  | { kind: 'unknownVariables'; names: string[] };

/**
 * Why an operator's text cannot replace a default, or null. It must say something, fit one
 * message once filled, and use exactly the default's variables (the flow fills those and no others).
 */
export function botTextProblem(text: string, defaultText: string): BotTextProblem | null {
  if (text.trim() === '') return { kind: 'empty' };
  const expected = textVariables(defaultText);
  const used = textVariables(text);
  const unknown = used.filter((name) => !expected.includes(name));
  if (unknown.length > 0) return { kind: 'unknownVariables', names: unknown };
  const missing = expected.filter((name) => !used.includes(name));
  if (missing.length > 0) return { kind: 'missingVariables', names: missing };
  const filled = fillText(text, Object.fromEntries(used.map((name) => [name, 'x'.repeat(FILLED_VARIABLE_BUDGET)])));
  if (filled.length > BOT_TEXT_MAX) return { kind: 'tooLong', length: filled.length, max: BOT_TEXT_MAX };
  return null;
}

const braces = (names: string[]) => names.map((n) => `{{${n}}}`).join(', ');

/** The engine's English wording of a problem (the window words it in its own language). */
export function describeBotTextProblem(problem: BotTextProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'The text is empty; write something, or reset it to the default.';
    case 'tooLong':
      return `The text is too long: filled in, it may reach ${problem.length} characters and Telegram takes at most ${problem.max} in one message.`;
    case 'missingVariables':
      return `The text must keep ${braces(problem.names)}: the bot fills ${problem.names.length === 1 ? 'it' : 'them'} in for each person.`;
    case 'unknownVariables':
      return `The bot cannot fill ${braces(problem.names)}; use only the variables of the default text.`;
  }
}

/** One text of a role in one language: its default, the operator's edit if any, and the variables it must keep. */
export interface BotTextView {
  role: string;
  key: string;
  language: BotLanguage;
  defaultText: string;
  /** Null: the default is used. */
  editedText: string | null;
  updatedAt: number | null;
  updatedBy: string | null;
  variables: string[];
}

/** The roles one bot serves, and every role the desk knows (the inbox, and each registered flow's). */
export interface BotRolesView {
  botId: number;
  roles: string[];
  available: string[];
}
