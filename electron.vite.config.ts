import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { WINDOW_CSP_META } from './shared/window-csp';

/** Writes the window's one CSP declaration into the page, so the page holds no copy of it. */
const windowCsp: Plugin = {
  name: 'desk-window-csp',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: WINDOW_CSP_META }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // `headless` is the same engine started with no Electron at all; `sandbox` the simulated Telegram alone.
        input: {
          index: resolve('electron/main/index.ts'),
          headless: resolve('electron/engine/headless/cli.ts'),
          sandbox: resolve('electron/engine/telegram/sandbox/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or other files: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [windowCsp, react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
