import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `key: value` lines of one top-level block of electron-builder.yml. */
function block(name: string): Record<string, string> {
  const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');
  const start = lines.indexOf(`${name}:`);
  if (start < 0) return {};
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const entry = /^ {2}(\w+): *(\S+)/.exec(line);
    if (!entry) break;
    entries[entry[1]!] = entry[2]!;
  }
  return entries;
}

describe('the packaged app', () => {
  it("flips Electron's fuses: no RunAsNode, no NODE_OPTIONS, no inspect flags, app only from an integrity-checked asar", () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
    // Names electron-builder does not know would be ignored silently: check them against its schema.
    const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const fuse of Object.keys(block('electronFuses'))) expect(schema.definitions.FuseOptionsV1.properties).toHaveProperty(fuse);
  });

  it('declares big-integer, which the engine imports directly, at the exact version in the lockfile', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
    expect(manifest.dependencies['big-integer']).toBe(lock.packages['node_modules/big-integer']!.version);
  });
});
