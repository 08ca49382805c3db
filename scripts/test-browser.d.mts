/** What the browser finder needs of the machine, so a test can describe one. */
export interface BrowserSystem {
  env: Record<string, string | undefined>;
  isFile(path: string): boolean;
  /** The first file called `name` in a PATH folder, or null. */
  onPath(name: string): string | null;
  isRoot: boolean;
  /** Runs a command to the end; true when it succeeded. */
  run(command: string, args: string[]): boolean;
}

export type BrowserOutcome = { ok: true; path: string } | { ok: false; message: string };

export const realSystem: BrowserSystem;
export function findBrowser(system?: BrowserSystem): string | null;
export function ensureBrowser(system?: BrowserSystem): BrowserOutcome;
