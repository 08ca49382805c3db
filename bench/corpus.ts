import { seededRandom } from '../electron/engine/telegram/sandbox/world/random';
import type { PendingIncoming } from '../electron/engine/messages/message-repo';

const RU = 'заказ доставка оплата привет спасибо вопрос курьер адрес возврат скидка акция подписка канал задание скриншот баланс бонус карта номер телефон время сегодня завтра вчера срочно помогите пожалуйста отлично хорошо'.split(' ');
const EN = 'order delivery payment hello thanks question courier address refund discount offer subscription channel task screenshot balance bonus card number phone time today tomorrow yesterday urgent help please great fine'.split(' ');

/** Operator traffic: Russian and English messages of 3 to 25 words spread over `chats` chats, seeded. */
export function* messageCorpus(count: number, seed = 42, chats = 5000): Generator<PendingIncoming> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const words = random.next() < 0.6 ? RU : EN;
    const length = random.int(3, 25);
    const text = Array.from({ length }, () => random.pick(words)).join(' ') + (random.next() < 0.1 ? ` #${random.int(1000, 9999)}` : '');
    const chat = random.int(1, chats);
    yield {
      source: { kind: 'account', id: 1 },
      chatKey: `user:${chat}`,
      chatTitle: `Person ${chat}`,
      telegramMessageId: i + 1,
      senderId: chat,
      senderName: `Person ${chat}`,
      date: 1_790_000_000_000 + i * 1000,
      text,
      mediaKind: null,
      outgoing: false,
    };
  }
}

export function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))]!;
}

export function table(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}\n${'-'.repeat(title.length)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
