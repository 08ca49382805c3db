import { createHash, randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/private-files';

/** Media files live in the data folder, named by the sha256 of their bytes (the same file is kept once). */
export class MediaStore {
  readonly dir: string;
  readonly tmpDir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'media');
    this.tmpDir = join(this.dir, 'tmp');
    makePrivateDir(this.tmpDir);
    makePrivateDir(this.dir);
  }

  path(sha256: string): string {
    return join(this.dir, sha256);
  }

  /** A fresh file in the temporary folder, for bytes still arriving. */
  tempPath(): string {
    return join(this.tmpDir, randomUUID());
  }

  /** Moves a finished temporary file to its content-hash name. */
  keep(tempPath: string, sha256: string): string {
    const target = this.path(sha256);
    renameSync(tempPath, target);
    return target;
  }

  save(bytes: Buffer): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const temp = this.tempPath();
    writeFileSync(temp, bytes, { mode: PRIVATE_FILE_MODE });
    this.keep(temp, sha256);
    return sha256;
  }

  discard(tempPath: string): void {
    rmSync(tempPath, { force: true });
  }
}
