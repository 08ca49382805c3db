import type { Page } from 'playwright-core';

/**
 * Calls the engine over the page's own signed-in WebSocket, for test set-up that the UI
 * already covers elsewhere (sign-in, adding a bot) or that the sandbox exposes to operators.
 */
export async function callEngine<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ({ method, input }) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/desk`);
        socket.onopen = () => socket.send(JSON.stringify({ kind: 'call', id: 1, method, input }));
        socket.onmessage = (m) => {
          const message = JSON.parse(String(m.data)) as { kind: string; result?: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
          if (message.kind !== 'result') return;
          socket.close();
          resolve(message.result!);
        };
        socket.onerror = () => reject(new Error('socket failed'));
      }),
    { method, input },
  );
  if (!result.ok) throw new Error(`${method}: ${result.error!.code} ${result.error!.message}`);
  return result.value as T;
}
