import { connect } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalHttpServer } from './local-server';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Sends the request line byte for byte (no client library normalises it) and reads the status. */
function rawStatus(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer token-1234\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])));
    socket.on('error', reject);
  });
}

describe('local HTTP API', () => {
  it('answers a malformed address with 400, logs no error and keeps serving', async () => {
    const lines: { level: number }[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number }) });
    const server = await startLocalHttpServer({
      port: 0,
      token: 'token-1234',
      logger,
      routes: [{ method: 'GET', path: /^\/api\/echo\/([^/]+)$/, handle: ({ params }) => ({ status: 200, body: params }) }],
    });
    closers.push(server.close);
    const port = Number(new URL(server.url).port);
    expect(await rawStatus(port, '/api/echo/%E0%A4%A')).toBe(400);
    expect(await rawStatus(port, 'http://[::1')).toBe(400);
    expect(await rawStatus(port, '/api/echo/caf%C3%A9')).toBe(200);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
