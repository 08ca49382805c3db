import type { SandboxWorld } from '../world/world';
import { SandboxRuleError } from '../world/rule-error';
import type { SeededWorld } from './seed-world';
import { drawScreenshot } from './screenshot-image';

const GREETINGS = [
  'Здравствуйте! Подскажите, пожалуйста, как оформить заказ?',
  'Добрый день, когда будет следующая поставка?',
  'Hi! Is the offer from your channel still valid?',
  'Привет! Я выполнил задание, отправляю скриншот.',
  'Hello, I have a question about my order #4821.',
  'Спасибо за ответ!',
  'Can I change the delivery address?',
  'Подписался на канал 👍',
];

export type PersonAction = { personId: number; kind: 'write' | 'screenshot' | 'join' | 'leave' | 'block' | 'unblock'; detail: string };

/**
 * Seeded, deterministic people who use Telegram: they write to the desk's accounts and bot,
 * send screenshots, join and leave the channel, block and unblock the bot. `step()` takes
 * one action; the same seed gives the same story.
 */
export function createScriptedPeople(world: SandboxWorld, seeded: SeededWorld) {
  const random = world.random;
  let timer: NodeJS.Timeout | null = null;

  const actions: ((personId: number) => PersonAction | null)[] = [
    (personId) => {
      const text = random.pick(GREETINGS);
      world.sendMessage({ senderId: personId, conversation: world.privateConversation(personId, seeded.account.id), text });
      return { personId, kind: 'write', detail: text };
    },
    (personId) => {
      const text = random.pick(['/start', '/tasks', ...GREETINGS]);
      world.sendMessage({ senderId: personId, conversation: world.privateConversation(personId, seeded.bot.id), text });
      return { personId, kind: 'write', detail: text };
    },
    (personId) => {
      const bytes = drawScreenshot(random);
      const file = world.storeFile({ kind: 'photo', bytes, mimeType: 'image/png', uploadedBy: personId, width: 360, height: 640 });
      world.sendMessage({ senderId: personId, conversation: world.privateConversation(personId, seeded.bot.id), media: file, caption: 'Скриншот' });
      return { personId, kind: 'screenshot', detail: file.uniqueId };
    },
    (personId) => {
      const inChannel = world.memberStatus(seeded.channel.id, personId) === 'member';
      if (inChannel) world.removeMember(seeded.channel.id, personId, personId);
      else world.addMember(seeded.channel.id, personId, personId);
      return { personId, kind: inChannel ? 'leave' : 'join', detail: seeded.channel.title };
    },
    (personId) => {
      const blocked = world.user(personId).blockedBots.has(seeded.bot.id);
      world.setBotBlocked(personId, seeded.bot.id, !blocked);
      return { personId, kind: blocked ? 'unblock' : 'block', detail: seeded.bot.username ?? '' };
    },
  ];
  // Writing is what people mostly do; joining and blocking are rarer.
  const weights = [5, 4, 2, 2, 1];

  function step(): PersonAction | null {
    const person = random.pick(seeded.people);
    let roll = random.int(1, weights.reduce((a, b) => a + b));
    const index = weights.findIndex((w) => (roll -= w) <= 0);
    try {
      return actions[index]!(person.id);
    } catch (error) {
      // A rule the world enforces (e.g. banned from the channel) just means nothing happened.
      if (error instanceof SandboxRuleError) return null;
      throw error;
    }
  }

  return {
    step,
    /** Real-time activity for the workspace; tests call `step()` instead. */
    start(everyMs: number, onAction: (action: PersonAction) => void = () => {}) {
      timer ??= setInterval(() => {
        const action = step();
        if (action) onAction(action);
      }, everyMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
