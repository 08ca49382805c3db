import type bigInt from 'big-integer';

/**
 * Telegram ids are 64-bit on the wire but stay below 2^53 in practice (user ids < 2^40,
 * channel ids < 2^41), so they are plain numbers outside the translation layer.
 */
export function toNumber(value: bigInt.BigInteger | number): number {
  return typeof value === 'number' ? value : value.toJSNumber();
}
