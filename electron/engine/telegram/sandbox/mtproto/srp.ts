import { createHash, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * The server side of Telegram's SRP 2FA check (core.telegram.org/api/srp), so GramJS's own
 * `computeCheck` is what proves the password: the sandbox never sees the password on the wire.
 */

const pbkdf2Async = promisify(pbkdf2);

/** Telegram's 2048-bit safe prime; GramJS refuses any other. */
export const SRP_P = Buffer.from(
  'c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b',
  'hex',
);
export const SRP_G = 3;

const p = toBig(SRP_P);
const g = BigInt(SRP_G);

function toBig(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function pad256(value: bigint): Buffer {
  return Buffer.from(value.toString(16).padStart(512, '0'), 'hex');
}

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

export interface SrpVerifier {
  salt1: Buffer;
  salt2: Buffer;
  /** v = g^x mod p: all the server keeps of the password. */
  v: bigint;
}

export interface SrpChallenge {
  srpId: bigint;
  b: bigint;
  gB: Buffer;
}

/** x = PH2(password, salt1, salt2) as Telegram defines it. */
async function passwordHash(password: string, salt1: Buffer, salt2: Buffer): Promise<Buffer> {
  const ph1 = sha256(salt2, sha256(salt1, Buffer.from(password, 'utf8'), salt1), salt2);
  const slow = await pbkdf2Async(ph1, salt1, 100_000, 64, 'sha512');
  return sha256(salt2, slow, salt2);
}

export async function createVerifier(password: string): Promise<SrpVerifier> {
  const salt1 = randomBytes(40);
  const salt2 = randomBytes(16);
  const x = toBig(await passwordHash(password, salt1, salt2));
  return { salt1, salt2, v: modPow(g, x, p) };
}

const k = toBig(sha256(SRP_P, pad256(g)));
const pXorG = Buffer.from(sha256(SRP_P).map((byte, i) => byte ^ sha256(pad256(g))[i]!));

export function createChallenge(verifier: SrpVerifier, srpId: bigint): SrpChallenge {
  const b = toBig(randomBytes(256)) % p;
  const gB = (k * verifier.v + modPow(g, b, p)) % p;
  return { srpId, b, gB: pad256(gB) };
}

/** Whether the client's (A, M1) proves knowledge of the password behind `verifier`. */
export function verifyProof(verifier: SrpVerifier, challenge: SrpChallenge, A: Buffer, M1: Buffer): boolean {
  const gA = toBig(A);
  if (gA <= 1n || gA >= p - 1n) return false;
  const aForHash = pad256(gA);
  const u = toBig(sha256(aForHash, challenge.gB));
  const S = modPow((gA * modPow(verifier.v, u, p)) % p, challenge.b, p);
  const K = sha256(pad256(S));
  const expected = sha256(pXorG, sha256(verifier.salt1), sha256(verifier.salt2), aForHash, challenge.gB, K);
  return expected.equals(M1);
}
