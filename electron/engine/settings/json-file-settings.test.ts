import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { jsonFileSettingsStore } from './json-file-settings';
import { createSettingsService } from './settings-service';

const tempDir = useTempDirs();

describe('settings', () => {
  it('persists updates and reads them back with defaults filled in', () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    const service = createSettingsService(jsonFileSettingsStore(path), dir);
    expect(service.get()).toEqual({ language: 'en', theme: 'system', dataDir: dir, httpIntake: { enabled: false, port: 47821 }, workspace: null, teamDesk: null });
    expect(service.update({ httpIntake: { port: 50000 } }).changed).toEqual(['httpIntake']);
    expect(service.update({ httpIntake: { port: 50000 } }).changed).toEqual([]);
    expect(createSettingsService(jsonFileSettingsStore(path), dir).get().httpIntake).toEqual({ enabled: false, port: 50000 });
  });

  it('drops stored values that no longer fit, field by field', () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ language: 'ru', theme: 'neon', httpIntake: { port: 12 } }));
    expect(createSettingsService(jsonFileSettingsStore(path), dir).get()).toMatchObject({ language: 'ru', theme: 'system', httpIntake: { port: 47821 } });
  });

  it('sets an unreadable file aside instead of overwriting it', () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{ "language": "ru", oops');
    const problems: string[] = [];
    const service = createSettingsService(jsonFileSettingsStore(path, (m) => problems.push(m)), dir);
    expect(service.get().language).toBe('en');
    expect(problems[0]).toMatch(/could not be read .* kept as/);
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.unreadable-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{ "language": "ru", oops');
    expect(existsSync(path)).toBe(false);
  });
});
