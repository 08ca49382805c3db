import { z } from 'zod';
import { call, teamCall, domain } from '../define';
import { LANGUAGES, THEMES, WORKSPACES, type Settings } from '../../domain/settings';
import { hubFingerprint, hubUrl } from './operators';

export const settingsPatchSchema = z
  .object({
    language: z.enum(LANGUAGES),
    theme: z.enum(THEMES),
    dataDir: z.string().trim().min(1, 'must not be empty').max(4096),
    httpIntake: z
      .object({
        enabled: z.boolean(),
        port: z.number().int().min(1024, 'must be 1024 or higher').max(65535),
      })
      .strict()
      .partial(),
    /** Switching restarts the engine on the other workspace's data. */
    workspace: z.enum(WORKSPACES),
    /** This desktop app becomes a window on that team desk (the engine checks the hub answers with that certificate first); null: its own desk. */
    teamDesk: z.object({ url: hubUrl, fingerprint: hubFingerprint }).strict().nullable(),
  })
  .strict()
  .partial();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settings = domain({
  get: teamCall(z.object({}).strict()).returns<Settings>(),
  update: call(settingsPatchSchema).returns<Settings>(),
}).events<{
  changed: Settings;
}>();
