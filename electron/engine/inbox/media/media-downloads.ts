import type { Database } from 'better-sqlite3';
import type { MediaView } from '../../../../shared/domain/inbox';
import type { Logger } from '../../logging/logger';
import type { RemoteFileRef } from '../../telegram/inbound/types';
import { FileTooLarge, type Progress } from './fetch-file';
import type { MediaPolicy } from './media-policy';
import type { MediaStore } from './media-store';

export interface MediaRow {
  messageId: number;
  sourceKind: 'account' | 'bot';
  sourceId: number;
  kind: MediaView['kind'];
  mimeType: string | null;
  size: number | null;
  remote: RemoteFileRef | null;
  sha256: string | null;
  download: MediaView['download'];
}

export interface DownloadDeps {
  db: Database;
  store: MediaStore;
  policy: MediaPolicy;
  logger: Logger;
  fetch(row: MediaRow, onProgress: Progress): Promise<Buffer>;
  /** The largest file this message's source may fetch (a bot's Bot API server sets it); null: no limit. */
  downloadLimit(row: MediaRow): number | null;
  /** A message's media state changed (the window shows progress). */
  changed(messageId: number): void;
}

export function mediaRow(db: Database, messageId: number): MediaRow | null {
  const row = db
    .prepare(
      `SELECT mm.message_id AS messageId, m.source_kind AS sourceKind, m.source_id AS sourceId, mm.kind, mm.mime_type AS mimeType, mm.size, mm.remote_ref AS remote, mm.sha256, mm.download
       FROM message_media mm JOIN messages m ON m.id = mm.message_id WHERE mm.message_id = ?`,
    )
    .get(messageId) as (Omit<MediaRow, 'remote'> & { remote: string | null }) | undefined;
  return row ? { ...row, remote: row.remote ? (JSON.parse(row.remote) as RemoteFileRef) : null } : null;
}

/**
 * Media downloads, one at a time in arrival order (a burst of photos must not open dozens of
 * parallel transfers on one account). What the policy does not take is marked skipped and
 * can still be fetched on demand.
 */
export class MediaDownloads {
  private readonly progressOf = new Map<number, number>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly d: DownloadDeps) {
    // Left by an earlier run (stopped while queued, or its outcome could not be written): the
    // window shows a download that can be asked for again, not one that never ends.
    d.db.prepare("UPDATE message_media SET download = 'failed' WHERE download IN ('queued', 'downloading')").run();
  }

  progress(messageId: number): number | null {
    return this.progressOf.get(messageId) ?? null;
  }

  /** New media messages: queue what the policy downloads by itself. Called from an event listener, so it never throws. */
  consider(messageIds: readonly number[]): void {
    for (const id of messageIds) {
      try {
        this.considerOne(id);
      } catch (error) {
        // A full disk: the media stays not downloaded, and the window can still ask for it.
        this.d.logger.warn({ scope: 'inbox', messageId: id, err: error }, 'media download could not be queued');
      }
    }
  }

  private considerOne(id: number): void {
    const row = mediaRow(this.d.db, id);
    if (!row || row.download !== 'none' || !row.remote) return;
    // Telegram will never hand a bot this file: say so rather than "skipped".
    if (this.beyondLimit(row)) return this.setState(id, 'too_large');
    const wanted = this.d.policy.kinds.includes(row.kind) && (row.size === null || row.size <= this.d.policy.maxBytes);
    this.setState(id, wanted ? 'queued' : 'skipped');
    // Recording the outcome can fail too (a full disk); nobody awaits this one, so say it here.
    if (wanted) this.enqueue(id).catch((error: unknown) => this.d.logger.warn({ scope: 'inbox', messageId: id, err: error }, 'media download could not be recorded'));
  }

  /** Downloads one now (the window asked to see it); resolves when it is stored or failed. */
  fetchNow(messageId: number): Promise<void> {
    return this.enqueue(messageId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.chain;
  }

  private enqueue(messageId: number): Promise<void> {
    const run = this.chain.then(() => (this.stopped ? undefined : this.download(messageId)));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private beyondLimit(row: MediaRow): boolean {
    const limit = this.d.downloadLimit(row);
    return limit !== null && row.size !== null && row.size > limit;
  }

  private setState(messageId: number, state: MediaView['download'], sha256: string | null = null): void {
    this.d.db.prepare('UPDATE message_media SET download = ?, sha256 = coalesce(?, sha256) WHERE message_id = ?').run(state, sha256, messageId);
    this.d.changed(messageId);
  }

  private async download(messageId: number): Promise<void> {
    const row = mediaRow(this.d.db, messageId);
    if (!row || row.download === 'done' || !row.remote) return;
    if (this.beyondLimit(row)) return this.setState(messageId, 'too_large');
    this.progressOf.set(messageId, 0);
    this.setState(messageId, 'downloading');
    let outcome: { state: MediaView['download']; sha256?: string };
    try {
      const bytes = await this.d.fetch(row, (done) => {
        this.progressOf.set(messageId, row.size ? Math.min(done / row.size, 1) : 0);
        this.d.changed(messageId);
      });
      outcome = { state: 'done', sha256: this.d.store.save(bytes) };
    } catch (error) {
      this.d.logger.warn({ scope: 'inbox', messageId, reason: (error as Error).message }, 'media download failed');
      outcome = { state: error instanceof FileTooLarge ? 'too_large' : 'failed' };
    } finally {
      this.progressOf.delete(messageId);
    }
    // Outside the try: a download that worked is not called failed because its state could not be
    // written. That failure goes to the caller; the row stays `downloading` until the next start.
    this.setState(messageId, outcome.state, outcome.sha256);
  }
}
