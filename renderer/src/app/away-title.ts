import type { DeskClient } from '../client/desk-client';

/**
 * While the tab or window is hidden, new incoming messages are counted in the title
 * ("(3) Telegram Operator Desk"), which a browser's tab strip shows; it clears on return.
 */
export function trackAwayTitle(client: DeskClient, doc: Document = document): () => void {
  const baseTitle = doc.title;
  let away = 0;
  const show = () => {
    doc.title = away > 0 ? `(${away}) ${baseTitle}` : baseTitle;
  };
  const off = client.on('messages.received', ({ messages }) => {
    if (doc.visibilityState !== 'hidden') return;
    away += messages.filter((m) => !m.outgoing).length;
    show();
  });
  const onVisible = () => {
    if (doc.visibilityState !== 'visible') return;
    away = 0;
    show();
  };
  doc.addEventListener('visibilitychange', onVisible);
  return () => {
    off();
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
