import bigInt, { type BigInteger } from 'big-integer';

/** GramJS carries TL `long` fields as big-integer objects; the world uses native bigint. */
export function toLong(value: number | bigint): BigInteger {
  return bigInt(value.toString());
}

export function fromLong(value: BigInteger | number | bigint | undefined | null): bigint | null {
  return value === undefined || value === null ? null : BigInt(value.toString());
}

/** A TL `long` that names a world id (users and chats are numbered below 2^53). */
export function idOf(value: BigInteger | number | bigint | undefined | null): number {
  return Number(value?.toString() ?? NaN);
}
