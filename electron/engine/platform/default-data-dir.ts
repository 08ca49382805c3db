import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Telegram Operator Desk';

/**
 * The same folder Electron's `app.getPath('userData')` gives this app, so both front doors look
 * in one place. Its secrets belong to the one that set it up (the window's key is in the system
 * keychain, headless mode's in a file); the other refuses it and says so (secrets/key-check.ts).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
