// `npm start`: the desktop window where Electron can run; headless mode (same engine, same
// window served to a browser) where it cannot, with one line saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const forwarded = process.argv.slice(2);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron's own installer is not run at npm install (see allowScripts); try it now, quietly. */
function fetchElectron() {
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  return result.status === 0 ? electronBinary() : null;
}

function whyNoWindow() {
  if (process.env.DESK_HEADLESS === '1') return 'DESK_HEADLESS=1 is set';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  if (!electronBinary() && !fetchElectron()) {
    return 'the Electron binary is not installed and could not be downloaded (run `npx install-electron` where the internet is reachable)';
  }
  return null;
}

const build = spawnSync('electron-vite', ['build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const reason = whyNoWindow();
if (reason) {
  console.log(`No desktop window: ${reason}; starting headless mode instead.`);
  run(process.execPath, ['out/main/headless.js', ...forwarded]);
} else {
  run(electronBinary(), ['.', ...forwarded]);
}
