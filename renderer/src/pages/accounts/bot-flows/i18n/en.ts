/** The bot roles and bot texts panel on the Accounts & bots page. */
export const botFlowsEn = {
  botFlows: {
    title: 'Roles and bot texts',
    rolesLegend: 'What this bot does',
    rolesHint: 'Commands, buttons and messages that belong to a role go to it; everything else reaches the inbox.',
    roleNames: {
      inbox: 'Support inbox',
      rewards: 'Rewards',
      'team-tasks': 'Team tasks',
    },
    rolesError: 'Roles not saved: {{message}}',
    texts: 'Bot texts',
    textsHint: 'What the bot says to people, in their Telegram language. Texts belong to the role: every bot serving it says the same.',
    noTexts: 'Give the bot a role besides the support inbox to edit what it says.',
    languages: { en: 'English', ru: 'Russian' },
    variables: 'Keep:',
    defaultText: 'Default: {{text}}',
    isDefault: 'default',
    edited: 'edited',
    save: 'Save',
    reset: 'Reset to default',
    problems: {
      empty: 'The text is empty. Write something, or reset it to the default.',
      tooLong: 'Too long: filled in it may reach {{length}} characters, and one Telegram message holds {{max}}.',
      missingVariables_one: 'Keep {{names}}: the bot puts each person’s value there.',
      missingVariables_other: 'Keep {{names}}: the bot puts each person’s values there.',
      unknownVariables_one: 'The bot cannot fill {{names}}. Use only the variables listed above.',
      unknownVariables_other: 'The bot cannot fill {{names}}. Use only the variables listed above.',
    },
    saveError: 'Not saved: {{message}}',
    loadError: 'Could not load: {{message}}',
  },
} as const;
