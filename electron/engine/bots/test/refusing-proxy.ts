import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between grammY and the sandbox and answers some calls itself (a 429 the sandbox does not
 * make for getUpdates); everything else is passed through untouched.
 */
export async function startRefusingProxy(target: string, refuse: (method: string) => { status: number; body: unknown } | null) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const method = (req.url ?? '').split('/').at(-1)!.split('?')[0]!;
    const answer = refuse(method);
    if (answer) {
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(answer.body));
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}
