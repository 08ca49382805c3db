import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../telegram/sandbox/bot-api/test/harness';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
// Also after a timeout, when the test's own `finally` never runs.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const FAULT = fileURLToPath(new URL('./test/fault-on-signal.mjs', import.meta.url));

it('headless mode logs an unhandled rejection and an uncaught exception, and keeps serving', async () => {
  const dataDir = tempDir();
  const child = fork(CLI, ['--data-dir', dataDir, '--port', '0'], {
    execArgv: ['--import', 'jiti/register', '--import', FAULT],
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  children.push(child);
  let output = '';
  const seen = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`headless exited (${child.exitCode}) before "${text}":\n${output}`));
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.on('exit', check);
      check();
    });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await seen('Open http');
    const origin = /Open (http:\/\/[^/\s]+)/.exec(output)![1]!;
    child.kill('SIGUSR2');
    await seen('rejected and nothing handled it');
    await seen('exception was not caught');
    // The log file has the errors themselves (the console shows only the line's message).
    const logFile = join(dataDir, 'sandbox', 'logs', 'desk.log');
    const logged = (text: string) => existsSync(logFile) && readFileSync(logFile, 'utf8').includes(text);
    await waitFor(() => (logged('a rejection the desk did not handle') && logged('an exception the desk did not catch') ? true : undefined), 5_000);
    // Still up, and still answering.
    expect(child.exitCode).toBeNull();
    const response = await fetch(`${origin}/`);
    expect(response.status).toBeLessThan(500);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}, 20_000);
