import { describe, expect, it } from 'vitest';
import { BOT_TEXT_MAX, botLanguageOf, botTextProblem, describeBotTextProblem, fillText, textVariables } from './bot-flows';

describe('bot texts', () => {
  it("picks Russian for any ru* language_code and English for everything else", () => {
    expect(['ru', 'ru-RU', 'RU', 'ru-UA'].map(botLanguageOf)).toEqual(['ru', 'ru', 'ru', 'ru']);
    expect(['en', 'en-GB', 'uk', 'de', '', null, undefined].map(botLanguageOf)).toEqual(['en', 'en', 'en', 'en', 'en', 'en', 'en']);
  });

  it('fills {{vars}}, leaves a name it was not given visible, and never reads inherited keys', () => {
    expect(fillText('Hi {{name}}, task {{ id }} is {{state}}', { name: 'Ann', id: 12 })).toBe('Hi Ann, task 12 is {{state}}');
    expect(fillText('{{toString}} {{constructor}}', {})).toBe('{{toString}} {{constructor}}');
    expect(fillText('$& {{a}}', { a: '$1 $&' })).toBe('$& $1 $&');
  });

  it('lists the variables a text uses, once each', () => {
    expect(textVariables('{{a}} {{b}} {{ a }} {{not valid}} {single}')).toEqual(['a', 'b']);
  });

  it('accepts an edit that keeps the default variables in any order', () => {
    expect(botTextProblem('{{id}} — готово, {{name}}', 'Task {{id}} done, {{name}}')).toBeNull();
  });

  it('refuses an empty text, a lost or foreign variable, and a text that filled in would not fit one message', () => {
    expect(botTextProblem('   ', 'Hi')).toEqual({ kind: 'empty' });
    expect(botTextProblem('Done', 'Task {{id}} done')).toEqual({ kind: 'missingVariables', names: ['id'] });
    expect(botTextProblem('Done {{id}} {{balance}}', 'Task {{id}} done')).toEqual({ kind: 'unknownVariables', names: ['balance'] });
    expect(botTextProblem('x'.repeat(BOT_TEXT_MAX), 'Hi')).toBeNull();
    expect(botTextProblem(`${'x'.repeat(BOT_TEXT_MAX - 10)}{{id}}`, '{{id}}')).toMatchObject({ kind: 'tooLong', max: BOT_TEXT_MAX });
  });

  it('says what is wrong in words an operator understands', () => {
    expect(describeBotTextProblem({ kind: 'missingVariables', names: ['id'] })).toBe('The text must keep {{id}}: the bot fills it in for each person.');
    expect(describeBotTextProblem({ kind: 'unknownVariables', names: ['balance'] })).toMatch(/cannot fill \{\{balance\}\}/);
  });
});
