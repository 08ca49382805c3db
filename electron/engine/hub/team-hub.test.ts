import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WINDOW_CSP } from '../headless/security-headers';
import { SESSION_ENDED_CLOSE } from '../headless/ws-transport';
import { FAKE_THROTTLE_AFTER } from '../test-support/fake-hub-sessions';
import { until } from '../test-support/until';
import { FORM_POSTS_PER_ADDRESS } from './hub-server';
import { cookieFrom, fetchHub, freePort, openWindow, SHARED_ON_LOOPBACK, useHubs } from './test/hub-harness';

const hubs = useHubs();

/** A shared hub on loopback, its address, certificate and same-origin header. */
async function sharedHub() {
  const started = hubs.start();
  const state = await started.hub.apply(SHARED_ON_LOOPBACK);
  const base = state.url!;
  const ca = started.db.prepare('SELECT certificate FROM hub_certificate').pluck().get() as string;
  const origin = { Origin: base };
  return { ...started, base, ca, origin, fetch: (path: string, options: Parameters<typeof fetchHub>[3] = {}) => fetchHub(base, path, ca, options) };
}

async function signedIn(hub: Awaited<ReturnType<typeof sharedHub>>, name = 'Anna', password = 'anna-password') {
  const operatorId = hub.fake.addOperator(name, password);
  const answer = await hub.fetch('/sign-in', { form: { name, password }, headers: hub.origin });
  return { operatorId, cookie: cookieFrom(answer), answer };
}

async function connectedWindow(hub: Awaited<ReturnType<typeof sharedHub>>, cookie: string) {
  const window = openWindow(hub.base, hub.ca, { Cookie: cookie, Origin: hub.base });
  expect(await window.opened).toBe('open');
  return window;
}

function sessionEndedMessages(window: ReturnType<typeof openWindow>) {
  return window.messages.filter((m) => m.kind === 'events' && m.events.some((e) => e.type === 'operators.sessionEnded'));
}

describe('sharing', () => {
  it('listens only while shared, and says where', async () => {
    const { hub, teamChanges } = hubs.start();
    expect(hub.state().url).toBeNull();
    const shared = await hub.apply(SHARED_ON_LOOPBACK);
    expect(shared.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(shared.error).toBeNull();
    const stopped = await hub.apply({ ...SHARED_ON_LOOPBACK, shared: false });
    expect(stopped.url).toBeNull();
    await expect(fetchHub(shared.url!, '/', '', {})).rejects.toThrow(/ECONNREFUSED/);
    expect(teamChanges).toEqual([shared, stopped]);
  });

  it('moves to another port when the settings do, and stops listening on the old one', async () => {
    const { hub } = hubs.start();
    const [first, second] = [await freePort(), await freePort()];
    const before = await hub.apply({ ...SHARED_ON_LOOPBACK, port: first });
    expect(before.url).toBe(`https://127.0.0.1:${first}`);
    const after = await hub.apply({ ...SHARED_ON_LOOPBACK, port: second });
    expect(after.url).toBe(`https://127.0.0.1:${second}`);
    expect(after.fingerprint).toBe(before.fingerprint);
    await expect(hub.probe(before.url!, before.fingerprint!)).rejects.toThrow('connection refused');
    await expect(hub.probe(after.url!, before.fingerprint!)).resolves.toEqual({ fingerprint: before.fingerprint });
  });

  it('a port in use becomes a clear error in the state, not a throw; another port then works', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as { port: number }).port;
    try {
      const { hub } = hubs.start();
      const state = await hub.apply({ ...SHARED_ON_LOOPBACK, port: busyPort });
      expect(state.url).toBeNull();
      expect(state.error).toBe(`Port ${busyPort} on 127.0.0.1 is already in use by another program. Choose another port for the team hub, or stop that program.`);
      const moved = await hub.apply(SHARED_ON_LOOPBACK);
      expect(moved).toMatchObject({ error: null, url: expect.stringMatching(/^https:/) });
    } finally {
      blocker.close();
    }
  });

  it('an address this computer does not have is a clear error', async () => {
    const { hub } = hubs.start();
    const state = await hub.apply({ ...SHARED_ON_LOOPBACK, host: '203.0.113.7' });
    expect(state.error).toBe('203.0.113.7 is not an address of this computer. Use 0.0.0.0 to listen on every address, or one this computer has.');
  });

  it('an invite link points at the hub’s own address', async () => {
    const { hub, base } = await sharedHub();
    expect(hub.inviteUrl('abc/def')).toBe(`${base}/invite?token=abc%2Fdef`);
  });
});

describe('pages', () => {
  it('the sign-in page: no scripts, strict CSP, both languages unless the browser names one', async () => {
    const hub = await sharedHub();
    const both = await hub.fetch('/');
    expect(both.status).toBe(401);
    expect(both.headers['content-security-policy']).toContain("default-src 'none'");
    expect(both.body).not.toContain('<script');
    expect(both.body).toContain('action="/sign-in"');
    expect(both.body).toContain('Sign in / Войти');
    const russian = await hub.fetch('/', { headers: { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(russian.body).toContain('Войти');
    expect(russian.body).not.toContain('Sign in');
    const english = await hub.fetch('/', { headers: { 'Accept-Language': 'en-GB' } });
    expect(english.body).not.toContain('Войти');
  });

  it('signs in with name and password: a Secure, HttpOnly, SameSite=Strict cookie, then the window', async () => {
    const hub = await sharedHub();
    const { answer, cookie } = await signedIn(hub);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(answer.headers['set-cookie']![0]).toMatch(/; HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=43200$/);
    const window = await hub.fetch('/', { headers: { Cookie: cookie } });
    expect(window.status).toBe(200);
    expect(window.body).toContain('desk window');
    expect(window.headers['content-security-policy']).toBe(WINDOW_CSP);
  });

  it('a wrong password answers the page with the reason and the name kept; repeated ones are slowed, saying how long', async () => {
    const hub = await sharedHub();
    hub.fake.addOperator('Boris', 'right-password');
    const wrong = await hub.fetch('/sign-in', { form: { name: 'Boris', password: 'nope' }, headers: hub.origin });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Wrong name or password.');
    expect(wrong.body).toContain('Неверное имя или пароль.');
    expect(wrong.body).toContain('value="Boris"');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    for (let i = 1; i < FAKE_THROTTLE_AFTER; i++) await hub.fetch('/sign-in', { form: { name: 'Boris', password: 'nope' }, headers: hub.origin });
    const throttled = await hub.fetch('/sign-in', { form: { name: 'Boris', password: 'right-password' }, headers: hub.origin });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toContain('try again in 30 s.');
    expect(throttled.body).toContain('Повторите через 30 с.');
  });

  it('refuses a form sent from another origin, before the operators service hears of it', async () => {
    const hub = await sharedHub();
    hub.fake.addOperator('Anna', 'anna-password');
    const foreign = await hub.fetch('/sign-in', { form: { name: 'Anna', password: 'anna-password' }, headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('sent from another site');
    const noOrigin = await hub.fetch('/sign-in', { form: { name: 'Anna', password: 'anna-password' } });
    expect(noOrigin.status).toBe(403);
  });

  it('bounds the form body and the rate of forms from one address', async () => {
    const hub = await sharedHub();
    const huge = await hub.fetch('/sign-in', { body: `name=${'a'.repeat(20_000)}`, headers: { ...hub.origin, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(huge.status).toBe(413);
    for (let i = 1; i < FORM_POSTS_PER_ADDRESS.count; i++) await hub.fetch('/sign-in', { form: { name: 'x', password: 'y' }, headers: hub.origin });
    const refused = await hub.fetch('/sign-in', { form: { name: 'x', password: 'y' }, headers: hub.origin });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toContain('Too many attempts from this address; try again in 60 s.');
  });

  it('the invite link greets by name, wants the password twice, signs in, and works once', async () => {
    const hub = await sharedHub();
    const { token } = hub.fake.invite('Clara');
    const page = await hub.fetch(`/invite?token=${token}`, { headers: { 'Accept-Language': 'en' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Welcome, Clara!');
    expect(page.body).toContain(`name="token" value="${token}"`);
    const differ = await hub.fetch('/invite', { form: { token, password: 'clara-secret', repeat: 'clara-secreT' }, headers: hub.origin });
    expect(differ.status).toBe(400);
    expect(differ.body).toContain('The two passwords differ');
    const weak = await hub.fetch('/invite', { form: { token, password: 'short', repeat: 'short' }, headers: hub.origin });
    expect(weak.body).toContain('A password needs at least 8 characters.');
    const accepted = await hub.fetch('/invite', { form: { token, password: 'clara-secret', repeat: 'clara-secret' }, headers: hub.origin });
    expect(accepted.status).toBe(303);
    expect((await hub.fetch('/', { headers: { Cookie: cookieFrom(accepted) } })).status).toBe(200);
    const again = await hub.fetch(`/invite?token=${token}`);
    expect(again.status).toBe(410);
    expect(again.body).toContain('This invite link is not valid');
    expect((await hub.fetch('/sign-in', { form: { name: 'Clara', password: 'clara-secret' }, headers: hub.origin })).status).toBe(303);
  });

  it('an unknown invite link says so in both languages', async () => {
    const hub = await sharedHub();
    const answer = await hub.fetch('/invite?token=never-issued');
    expect(answer.status).toBe(410);
    expect(answer.body).toContain('Ask your admin for a new link.');
    expect(answer.body).toContain('Попросите у администратора новую ссылку.');
  });
});

describe('the window’s socket', () => {
  it('is refused without a session, with an ended one, and from another origin', async () => {
    const hub = await sharedHub();
    const { cookie } = await signedIn(hub);
    expect(await openWindow(hub.base, hub.ca, { Origin: hub.base }).opened).toBe(401);
    expect(await openWindow(hub.base, hub.ca, { Origin: hub.base, Cookie: 'desk_team_session=made-up' }).opened).toBe(401);
    expect(await openWindow(hub.base, hub.ca, { Origin: 'https://evil.example', Cookie: cookie }).opened).toBe(403);
    expect(await openWindow(hub.base, hub.ca, { Cookie: cookie }).opened).toBe(403);
    expect(hub.calls).toEqual([]);
  });

  it('carries each call as its operator, watches events as them, and counts the open window', async () => {
    const hub = await sharedHub();
    const { operatorId, cookie } = await signedIn(hub);
    const window = await connectedWindow(hub, cookie);
    expect(hub.fake.openWindows(operatorId)).toBe(1);
    expect(await window.call('inbox.list', { limit: 5 })).toEqual({ ok: true, value: { echoed: 'inbox.list' } });
    expect(hub.calls).toEqual([{ method: 'inbox.list', input: { limit: 5 }, ctx: { actor: operatorId, role: 'operator', sessionId: expect.any(String) } }]);
    expect([...hub.watchers].map((w) => w.viewer)).toEqual([hub.calls[0]!.ctx]);
    window.socket.close();
    await until(() => hub.fake.openWindows(operatorId), (open) => open === 0, 'the window to count as closed');
    expect(hub.watchers.size).toBe(0);
  });

  it.each([
    ['revoked', (hub: Awaited<ReturnType<typeof sharedHub>>, sessionId: string) => hub.fake.revoke(sessionId, false)],
    ['expired', (hub: Awaited<ReturnType<typeof sharedHub>>) => hub.clock.advance(12 * 3600_000)],
    ['removed', (hub: Awaited<ReturnType<typeof sharedHub>>, _sessionId: string, operatorId: string) => hub.fake.remove(operatorId, false)],
  ] as const)('a call after the session was %s fails, tells the window, and closes the socket', async (reason, endIt) => {
    const hub = await sharedHub();
    const { operatorId, cookie } = await signedIn(hub);
    const window = await connectedWindow(hub, cookie);
    await window.call('operators.me');
    endIt(hub, hub.calls[0]!.ctx!.sessionId!, operatorId);
    const refused = await window.call('inbox.list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: `Your session ended (${reason}); sign in again.` } });
    expect(await window.closed).toBe(SESSION_ENDED_CLOSE);
    expect(sessionEndedMessages(window)).toEqual([{ kind: 'events', events: [{ type: 'operators.sessionEnded', payload: { reason } }] }]);
    expect(hub.calls).toHaveLength(1);
    expect((await hub.fetch('/', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('a session ended elsewhere (revoked, operator removed) closes its sockets at once, and only its own', async () => {
    const hub = await sharedHub();
    const anna = await signedIn(hub, 'Anna', 'anna-password');
    const boris = await signedIn(hub, 'Boris', 'boris-password');
    const annaWindow = await connectedWindow(hub, anna.cookie);
    const annaSecond = await connectedWindow(hub, anna.cookie);
    const borisWindow = await connectedWindow(hub, boris.cookie);
    hub.fake.remove(anna.operatorId);
    expect(await annaWindow.closed).toBe(SESSION_ENDED_CLOSE);
    expect(await annaSecond.closed).toBe(SESSION_ENDED_CLOSE);
    expect(sessionEndedMessages(annaWindow)[0]).toEqual({ kind: 'events', events: [{ type: 'operators.sessionEnded', payload: { reason: 'removed' } }] });
    expect(await borisWindow.call('operators.me')).toMatchObject({ ok: true });
    expect(borisWindow.socket.readyState).toBe(borisWindow.socket.OPEN);
    borisWindow.socket.close();
  });

  it('signing out ends the session, clears the cookie and closes the session’s sockets', async () => {
    const hub = await sharedHub();
    const { cookie } = await signedIn(hub);
    const window = await connectedWindow(hub, cookie);
    const foreign = await hub.fetch('/sign-out', { form: {}, headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(window.socket.readyState).toBe(window.socket.OPEN);
    const out = await hub.fetch('/sign-out', { form: {}, headers: { Cookie: cookie, ...hub.origin } });
    expect(out.status).toBe(303);
    expect(out.headers['set-cookie']![0]).toMatch(/^desk_team_session=; HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=0$/);
    expect(await window.closed).toBe(SESSION_ENDED_CLOSE);
    expect(sessionEndedMessages(window)[0]).toEqual({ kind: 'events', events: [{ type: 'operators.sessionEnded', payload: { reason: 'signed_out' } }] });
    expect((await hub.fetch('/', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('a call that ends its own session (signing out) gets its answer before the socket closes', async () => {
    const hub = await sharedHub();
    const { cookie } = await signedIn(hub);
    const window = await connectedWindow(hub, cookie);
    hub.handlerEffects.push((method) => method === 'operators.signOut' && hub.fake.sessions.signOut(cookie.split('=')[1]!));
    expect(await window.call('operators.signOut')).toEqual({ ok: true, value: { echoed: 'operators.signOut' } });
    expect(await window.closed).toBe(SESSION_ENDED_CLOSE);
    expect(sessionEndedMessages(window)[0]).toEqual({ kind: 'events', events: [{ type: 'operators.sessionEnded', payload: { reason: 'signed_out' } }] });
  });

  it('stopping sharing closes every window', async () => {
    const hub = await sharedHub();
    const { cookie } = await signedIn(hub);
    const window = await connectedWindow(hub, cookie);
    await hub.hub.apply({ ...SHARED_ON_LOOPBACK, shared: false });
    await window.closed;
  });
});

describe('probe', () => {
  it('answers the fingerprint when it matches the pin (in any letter case)', async () => {
    const { hub, base } = await sharedHub();
    const fingerprint = hub.state().fingerprint!;
    await expect(hub.probe(base, fingerprint.toLowerCase())).resolves.toEqual({ fingerprint });
  });

  it('names both certificates when the pin does not match', async () => {
    const { hub, base } = await sharedHub();
    const pinned = Array.from({ length: 32 }, () => 'AB').join(':');
    await expect(hub.probe(base, pinned)).rejects.toThrow(
      `The team desk at ${base} presented certificate ${hub.state().fingerprint} but you pinned ${pinned}; ask your admin for the current fingerprint.`,
    );
  });

  it('says nothing answers at an address nobody listens on', async () => {
    const { hub } = hubs.start();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(hub.probe(`https://127.0.0.1:${port}`, 'AB')).rejects.toThrow(`Nothing answers at 127.0.0.1:${port} (connection refused).`);
  });

  it('says when the address answers without TLS', async () => {
    const { hub } = hubs.start();
    const plain = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as { port: number }).port;
    try {
      await expect(hub.probe(`https://127.0.0.1:${port}`, 'AB')).rejects.toThrow('answered, but not over TLS');
    } finally {
      plain.close();
    }
  });
});
