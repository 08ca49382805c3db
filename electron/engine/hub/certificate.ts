import { X509Certificate } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { Database } from 'better-sqlite3';
import { generate } from 'selfsigned';
import type { Clock } from '../platform/clock';
import type { SecretBox } from '../secrets/secret-box';

/** What the hub serves TLS with; `key` is in clear only in memory. */
export interface HubCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, colon-separated uppercase hex (what clients pin). */
  fingerprint: string;
}

/** Long enough that nobody re-pins every year; a renewal is one click (and every client pins again). */
const VALID_YEARS = 10;

/** The IPv4 addresses other machines can reach this one on. */
export function externalIPv4Addresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);
}

/** The form Node's X509Certificate.fingerprint256 gives: "AB:CD:…". */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/**
 * The hub's certificate is made once, on first share, and kept in the database with its key
 * sealed by the desk's secret key, so the fingerprint clients pinned stays the same across restarts.
 */
export function createCertificateStore(db: Database, secrets: SecretBox, clock: Clock) {
  async function make(): Promise<HubCertificate> {
    const notBeforeDate = new Date(clock.now() - 60_000);
    const notAfterDate = new Date(notBeforeDate);
    notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALID_YEARS);
    const made = await generate([{ name: 'commonName', value: 'Telegram Operator Desk team hub' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, ...externalIPv4Addresses().map((ip) => ({ type: 7 as const, ip }))],
        },
      ],
    });
    const certificate: HubCertificate = { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert) };
    db.prepare(
      `INSERT INTO hub_certificate (id, certificate, private_key, fingerprint, created_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET certificate = excluded.certificate, private_key = excluded.private_key,
         fingerprint = excluded.fingerprint, created_at = excluded.created_at`,
    ).run(certificate.cert, secrets.encrypt(certificate.key), certificate.fingerprint, clock.now());
    return certificate;
  }

  function stored(): HubCertificate | null {
    const row = db.prepare('SELECT certificate, private_key, fingerprint FROM hub_certificate WHERE id = 1').get() as
      | { certificate: string; private_key: string; fingerprint: string }
      | undefined;
    return row ? { cert: row.certificate, key: secrets.decrypt(row.private_key), fingerprint: row.fingerprint } : null;
  }

  return {
    /** The fingerprint clients pin, without unsealing the key; null before the first share. */
    fingerprint: (): string | null =>
      (db.prepare('SELECT fingerprint FROM hub_certificate WHERE id = 1').pluck().get() as string | undefined) ?? null,
    /** The kept certificate, made on first use. */
    current: async (): Promise<HubCertificate> => stored() ?? (await make()),
    /** A new key and certificate; the old fingerprint stops matching. */
    renew: make,
  };
}

export type CertificateStore = ReturnType<typeof createCertificateStore>;
