import { Api, errors } from 'telegram';
import { describe, expect, it } from 'vitest';
import { inputUser, setup, signedIn, text } from './test-support';

describe('MTProto anti-spam', () => {
  it('answers FLOOD_WAIT past a method burst and lets the account go on once the bucket refills', async () => {
    const { sandbox, person, clock } = setup();
    const alice = person();
    const bob = person();
    sandbox.configureAntiSpam(alice.id, { methodLimits: { 'messages.SendMessage': { burst: 2, everySeconds: 10 } } });
    const transport = await signedIn(sandbox, alice);
    await transport.invoke(text(inputUser(bob), '1', 1));
    await transport.invoke(text(inputUser(bob), '2', 2));
    const error = await transport.invoke(text(inputUser(bob), '3', 3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.FloodWaitError);
    expect((error as errors.FloodWaitError).seconds).toBe(10);
    clock.advance(10_000);
    await expect(transport.invoke(text(inputUser(bob), '3', 3))).resolves.toBeInstanceOf(Api.UpdateShortSentMessage);
  });

  it('makes an account wait when told to, then lets the same random_id through once', async () => {
    const { sandbox, person, clock, world } = setup();
    const alice = person();
    const bob = person();
    const transport = await signedIn(sandbox, alice);
    sandbox.imposeFloodWait(alice.id, 30);
    clock.advance(5_000);
    const error = await transport.invoke(text(inputUser(bob), 'later', 7)).catch((e: unknown) => e);
    expect((error as errors.FloodWaitError).seconds).toBe(25);
    clock.advance(25_000);
    await transport.invoke(text(inputUser(bob), 'later', 7));
    expect(world.receivedBy(bob.id).map((m) => m.text)).toEqual(['later']);
  });

  it('answers PEER_FLOOD to every send while the account is limited for spam, then lets it send', async () => {
    const { sandbox, person, clock, world } = setup();
    const alice = person();
    const friend = person();
    world.addContact(alice.id, friend.id);
    const transport = await signedIn(sandbox, alice);
    sandbox.imposePeerFlood(alice.id, 60);
    await expect(transport.invoke(text(inputUser(friend), 'hello', 1))).rejects.toMatchObject({ code: 400, errorMessage: 'PEER_FLOOD' });
    clock.advance(60_000);
    await transport.invoke(text(inputUser(friend), 'hello', 1));
    expect(world.receivedBy(friend.id).map((m) => m.text)).toEqual(['hello']);
  });

  it('answers PEER_FLOOD after the day of messages to strangers, but not to contacts or people who wrote first', async () => {
    const { sandbox, person, world, clock } = setup({ antiSpam: { strangerMessagesPerDay: 2 } });
    const alice = person();
    const [s1, s2, s3, friend, writer] = [person(), person(), person(), person(), person()];
    world.addContact(alice.id, friend.id);
    world.sendMessage({ senderId: writer.id, conversation: world.privateConversation(writer.id, alice.id), text: 'hi alice' });
    const transport = await signedIn(sandbox, alice);
    await transport.invoke(text(inputUser(s1), 'hello', 1));
    await transport.invoke(text(inputUser(s2), 'hello', 2));
    await expect(transport.invoke(text(inputUser(s3), 'hello', 3))).rejects.toMatchObject({ code: 400, errorMessage: 'PEER_FLOOD' });
    await expect(transport.invoke(text(inputUser(friend), 'hello', 4))).resolves.toBeDefined();
    await expect(transport.invoke(text(inputUser(writer), 'hello', 5))).resolves.toBeDefined();
    clock.advance(86_400_000);
    await expect(transport.invoke(text(inputUser(s3), 'hello', 3))).resolves.toBeDefined();
  });
});
