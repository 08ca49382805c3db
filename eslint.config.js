import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TELEGRAM_AND_STORE = ['better-sqlite3', 'telegram', 'telegram/*', 'grammy', 'grammy/*'];
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'crypto', 'net', 'http', 'https', 'worker_threads'];

/** The boundaries of ARCHITECTURE.md, as lint rules (the before-stop hook checks the same as text). */
const boundary = (files, { names, patterns, message }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message })),
        patterns: [{ group: [...names.filter((n) => n.includes('*')), ...patterns], message }],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  boundary(['electron/**/*.ts'], {
    names: ['electron'],
    patterns: ['**/renderer/**'],
    message: 'Only electron/main and electron/preload may import electron; the engine is pure Node and never reaches into the renderer.',
  }),
  {
    // The shell itself: Electron allowed, the renderer still not.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The shell talks to the renderer only through the contract.' }] }],
    },
  },
  boundary(['renderer/**/*.{ts,tsx}'], {
    names: ['electron', ...TELEGRAM_AND_STORE, ...NODE_BUILTINS],
    patterns: ['**/electron/**'],
    message: 'The renderer reaches the engine only through the typed contract in shared/ (window.desk or the WebSocket client).',
  }),
  boundary(['shared/**/*.ts'], {
    names: ['electron', ...TELEGRAM_AND_STORE, ...NODE_BUILTINS],
    patterns: ['**/electron/**', '**/renderer/**'],
    message: 'shared/ is imported by both sides and must import neither.',
  }),
);
