// The team's windows for the hub benchmark, in a thread of their own so that reading sockets and
// parsing frames is not counted as the hub's work (the hub's thread is measured on its own).
// Each window notes, per message it is told about, its id, conversation and when it arrived.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { base, ca, wsPath, windows } = workerData;
const now = () => performance.timeOrigin + performance.now();
const seen = windows.map(() => ({ ids: [], conversations: [], at: [], frames: 0, bytes: 0 }));

const sockets = windows.map((window, index) => {
  const socket = new WebSocket(`${base.replace(/^https/, 'wss')}${wsPath}`, { ca, headers: { Cookie: window.cookie, Origin: base } });
  socket.on('message', (data) => {
    const at = now();
    const text = data.toString();
    const record = seen[index];
    record.frames += 1;
    record.bytes += text.length;
    const message = JSON.parse(text);
    if (message.kind !== 'events') return;
    for (const event of message.events) {
      if (event.type !== 'inbox.messagesChanged') continue;
      for (const m of event.payload.messages) {
        if (m.outgoing) continue;
        record.ids.push(m.id);
        record.conversations.push(m.conversationId);
        record.at.push(at);
      }
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`window ${window.name} refused: ${response.statusCode}`)));
  });
});

Promise.all(sockets).then(
  (open) => {
    parentPort.on('message', (command) => {
      if (command === 'report') {
        parentPort.postMessage({ kind: 'report', seen: seen.map((s) => ({ ...s })) });
        for (const s of seen) Object.assign(s, { ids: [], conversations: [], at: [], frames: 0, bytes: 0 });
      } else if (command === 'close') {
        for (const socket of open) socket.close();
        parentPort.postMessage({ kind: 'closed' });
      }
    });
    parentPort.postMessage({ kind: 'open' });
  },
  (error) => parentPort.postMessage({ kind: 'failed', message: String(error?.message ?? error) }),
);
