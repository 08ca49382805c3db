import { closeSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DiskGuard } from '../platform/disk-guard';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../platform/private-files';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const WARN_LEVEL = 40;

export interface LogFile {
  write(line: string): void;
  close(): void;
}

/**
 * `<dir>/desk.log`, appended line by line. A write that fails must not fail the code that
 * logged: on a full disk the line is dropped and counted, the disk guard is told, and once
 * there is room again a line says how many were lost. Any other failure is said once on stderr.
 */
export function openLogFile(dir: string, disk: DiskGuard): LogFile {
  makePrivateDir(dir);
  const path = join(dir, 'desk.log');
  try {
    if (statSync(path).size > MAX_FILE_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // No file yet.
  }
  const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
  let dropped = 0;
  let torn = false; // the disk filled up in the middle of a line
  let failing = false;

  function append(text: string): void {
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      torn ||= written > 0;
      throw error;
    }
  }

  return {
    write(line) {
      if (disk.state().full) {
        dropped++;
        return;
      }
      try {
        // A torn line is ended first, so every line of the file stays readable JSON.
        const before = `${torn ? '\n' : ''}${dropped > 0 ? `${droppedLine(dropped)}\n` : ''}`;
        append(`${before}${line}\n`);
        dropped = 0;
        torn = false;
        failing = false;
      } catch (error) {
        dropped++;
        if (disk.noteFailure(error) || failing) return;
        failing = true;
        process.stderr.write(`The log file ${path} cannot be written: ${(error as Error).message}\n`);
      }
    },
    close() {
      closeSync(fd);
    },
  };
}

function droppedLine(count: number): string {
  const msg = count === 1 ? '1 log line was not written while the disk was full' : `${count} log lines were not written while the disk was full`;
  return JSON.stringify({ level: WARN_LEVEL, time: Date.now(), scope: 'logging', msg });
}
