/**
 * A seeded generator so scripted people, ids and access hashes are the same on every run
 * (mulberry32: four lines, good enough for simulation, not for crypto). Its whole state is
 * one number: `seededRandom(r.state())` continues exactly where `r` is, which is how a
 * world restored from a snapshot keeps drawing the same sequence.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    state: () => state,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** A positive signed 63-bit value, like Telegram's access hashes. */
    long: (): bigint => (BigInt(Math.floor(next() * 2 ** 31)) << 32n) | BigInt(Math.floor(next() * 2 ** 32)),
    hex: (bytes: number) => Array.from({ length: bytes }, () => Math.floor(next() * 256).toString(16).padStart(2, '0')).join(''),
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
