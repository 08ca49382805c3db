import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botCommandEntities } from './serialize/entities';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
});
afterEach(async () => {
  await s.server.close();
});

describe('Bot API front door: commands and the sender’s language', () => {
  it('marks the commands people write with bot_command entities, as Telegram does', () => {
    expect(botCommandEntities('/start')).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(botCommandEntities('/done@desk_bot 12')).toEqual([{ type: 'bot_command', offset: 0, length: 14 }]);
    expect(botCommandEntities('then /help, not a/path or https://x.org/a nor /ab@c')).toEqual([{ type: 'bot_command', offset: 5, length: 5 }]);
    // Offsets count UTF-16 code units: an emoji before the command is two.
    expect(botCommandEntities('👍 /ok')).toEqual([{ type: 'bot_command', offset: 3, length: 3 }]);
    expect(botCommandEntities('no commands here')).toEqual([]);
  });

  it('delivers a message with its command entities and the sender’s language_code', async () => {
    const ivan = s.world.addUser({ firstName: 'Ivan', languageCode: 'ru' });
    s.world.sendMessage({ senderId: ivan.id, conversation: s.world.privateConversation(ivan.id, s.botUser.id), text: '/done@desk_bot 12' });
    s.aliceWrites('plain words');
    const [command, plain] = await s.bot.api.getUpdates();
    expect(command!.message).toMatchObject({ text: '/done@desk_bot 12', entities: [{ type: 'bot_command', offset: 0, length: 14 }], from: { id: ivan.id, first_name: 'Ivan', language_code: 'ru' } });
    // Telegram leaves out what it does not know: no entities in plain words, no language for Alice.
    expect(plain!.message).not.toHaveProperty('entities');
    expect(plain!.message!.from).not.toHaveProperty('language_code');
  });
});
