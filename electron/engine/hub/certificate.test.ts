import { createPrivateKey, X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../logging/redact';
import { createSecretBox } from '../secrets/secret-box';
import { externalIPv4Addresses } from './certificate';
import { SHARED_ON_LOOPBACK, useHubs } from './test/hub-harness';

const hubs = useHubs();

/** The certificate a TLS client is shown at `url`. */
function presented(url: string): Promise<X509Certificate> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()!);
      socket.end();
    });
    socket.on('error', reject);
  });
}

function storedRow(db: ReturnType<typeof hubs.start>['db']) {
  return db.prepare('SELECT certificate, private_key, fingerprint FROM hub_certificate').all() as { certificate: string; private_key: string; fingerprint: string }[];
}

describe('the hub certificate', () => {
  it('is not made before the team is shared', async () => {
    const { hub, db } = hubs.start();
    const state = await hub.apply({ ...SHARED_ON_LOOPBACK, shared: false });
    expect(state).toMatchObject({ url: null, fingerprint: null, error: null });
    expect(storedRow(db)).toEqual([]);
  });

  it('is made on first share, served, and named for localhost, 127.0.0.1 and this machine’s addresses', async () => {
    const { hub, db } = hubs.start();
    const state = await hub.apply(SHARED_ON_LOOPBACK);
    expect(state.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const served = await presented(state.url!);
    expect(served.fingerprint256).toBe(state.fingerprint);
    expect(storedRow(db)).toHaveLength(1);
    const names = served.subjectAltName!;
    expect(names).toContain('DNS:localhost');
    expect(names).toContain('IP Address:127.0.0.1');
    for (const address of externalIPv4Addresses()) expect(names).toContain(`IP Address:${address}`);
  });

  it('is kept: the same fingerprint after stopping and after a restart on the same data', async () => {
    const data = hubs.desk();
    const first = hubs.start(data);
    const before = (await first.hub.apply(SHARED_ON_LOOPBACK)).fingerprint;
    await first.hub.apply({ ...SHARED_ON_LOOPBACK, shared: false });
    expect((await first.hub.apply(SHARED_ON_LOOPBACK)).fingerprint).toBe(before);
    await first.hub.stop();

    const restarted = hubs.start(data);
    expect(restarted.hub.state().fingerprint).toBe(before);
    const state = await restarted.hub.apply(SHARED_ON_LOOPBACK);
    expect(state.fingerprint).toBe(before);
    expect((await presented(state.url!)).fingerprint256).toBe(before);
    expect(storedRow(restarted.db)).toHaveLength(1);
  });

  it('keeps its private key sealed at rest, and the sealed key is the certificate’s', async () => {
    const { hub, db, data } = hubs.start();
    await hub.apply(SHARED_ON_LOOPBACK);
    const [row] = storedRow(db);
    expect(row!.private_key).not.toContain('PRIVATE KEY');
    expect(row!.private_key).not.toMatch(/^MI/);
    // Opened with the desk's key it is a key the certificate belongs to.
    const key = createPrivateKey(createSecretBox(data.key, new Redactor()).decrypt(row!.private_key));
    expect(new X509Certificate(row!.certificate).checkPrivateKey(key)).toBe(true);
  });

  it('renews: a new fingerprint, served to new connections and kept', async () => {
    const data = hubs.desk();
    const { hub, teamChanges } = hubs.start(data);
    const before = await hub.apply(SHARED_ON_LOOPBACK);
    const renewed = await hub.renewCertificate();
    expect(renewed.fingerprint).not.toBe(before.fingerprint);
    expect((await presented(renewed.url!)).fingerprint256).toBe(renewed.fingerprint);
    expect(teamChanges.at(-1)).toEqual(renewed);
    await hub.stop();
    expect(hubs.start(data).hub.state().fingerprint).toBe(renewed.fingerprint);
  });
});
