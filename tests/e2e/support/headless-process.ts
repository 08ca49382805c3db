import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HEADLESS_ENTRY = resolve('out/main/headless.js');
const LINK = /Open (http:\/\/\S+\?token=\S+)/;
/** Headless mode stops when its standard input closes, i.e. when this runner dies, however it dies. */
const EXIT_WITH_RUNNER = '--exit-with-stdin';

const spawned: number[] = [];
const running = new Set<ChildProcess>();
// The runner's ordinary exit (a failed beforeAll, an unhandled error) also ends its desks.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function spawnHeadless(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [HEADLESS_ENTRY, EXIT_WITH_RUNNER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid !== undefined) spawned.push(child.pid);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Every headless process this runner started, for tests of the cleanup itself. */
export function spawnedHeadlessPids(): number[] {
  return [...spawned];
}

/** Headless mode as an operator starts it (the built bundle), on a fresh data folder. */
export class HeadlessDesk {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private output = '';
  private links: string[] = [];
  private waiters: ((link: string) => void)[] = [];
  origin = '';

  constructor(dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  }

  async start(extraArgs: string[] = []): Promise<string> {
    this.output = '';
    const child = spawnHeadless(['--data-dir', this.dataDir, '--port', '0', ...extraArgs]);
    this.child = child;
    const onData = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const match of chunk.toString().matchAll(new RegExp(LINK, 'g'))) {
        const waiter = this.waiters.shift();
        if (waiter) waiter(match[1]!);
        else this.links.push(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const link = await this.nextLink(child);
    this.origin = new URL(link).origin;
    return link;
  }

  /** Asks for a new one-time link, as an operator pressing Enter in the terminal. */
  async newLink(): Promise<string> {
    this.child!.stdin!.write('\n');
    return this.nextLink(this.child!);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get log(): string {
    return this.output;
  }

  /** What headless mode prints to stdout and stderr arrives on two pipes, in no set order: wait for it. */
  waitForLog(text: string): Promise<void> {
    const child = this.child!;
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        if (!this.output.includes(text)) return;
        cleanup();
        resolvePromise();
      };
      const timer = setTimeout(() => (cleanup(), reject(new Error(`headless mode never printed "${text}":\n${this.output}`))), 20_000);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      check();
    });
  }

  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    return exited;
  }

  dispose(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private nextLink(child: ChildProcess): Promise<string> {
    const ready = this.links.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`headless mode printed no link:\n${this.output}`)), 20_000);
      child.once('exit', (code) => reject(new Error(`headless mode exited with ${code}:\n${this.output}`)));
      this.waiters.push((link) => {
        clearTimeout(timer);
        resolvePromise(link);
      });
    });
  }
}

/** Runs headless mode expecting it to refuse to start; returns its exit code and output. */
export function runToFailure(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawnHeadless(args);
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}
