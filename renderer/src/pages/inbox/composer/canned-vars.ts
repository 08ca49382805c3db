import type { ConversationView } from '../../../../../shared/domain/inbox';

/** Written as code, not translated: the operator types them exactly like this. */
export const CANNED_VARIABLES = '{{first_name}} {{name}} {{operator}}';

/**
 * Fills a canned reply's variables in the window: the engine returns the raw text. A private
 * chat's title is the person's name; its first word stands for the first name.
 */
export function fillCanned(text: string, conversation: Pick<ConversationView, 'title'>, operatorName: string): string {
  const name = conversation.title.trim();
  const firstName = name.split(/\s+/)[0] ?? name;
  const values: Record<string, string> = { first_name: firstName, name, operator: operatorName };
  return text.replace(/{{\s*(\w+)\s*}}/g, (whole, key: string) => values[key] ?? whole);
}
