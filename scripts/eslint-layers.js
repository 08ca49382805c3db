// The layers of ARCHITECTURE.md as one lint rule. Each layer lists what it may import: a
// relative import is resolved against the importing file and must land in an allowed folder;
// a package must be on the layer's allowlist. Node builtins (every name in
// module.builtinModules, with or without `node:`) and `electron`/`electron/*` are named in the
// message, since they are the usual way across a boundary.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = dirname(dirname(new URL(import.meta.url).pathname));
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const isBuiltin = (specifier) => specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
const isElectron = (specifier) => specifier === 'electron' || specifier.startsWith('electron/');
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Tests and their helpers (renderer/src/test/) may also use the test libraries. */
const TEST_FILE = /\.test\.tsx?$|\/src\/test\//;
const TEST_PACKAGES = ['vitest', '@testing-library/react', '@testing-library/user-event'];

/**
 * folders: where relative imports may land (repository paths); packages: bare imports allowed,
 * 'node' for every package (the engine is plain Node and may use any of its libraries).
 */
export const LAYERS = [
  {
    name: 'telegram/',
    files: 'electron/engine/telegram/',
    folders: [
      'electron/engine/telegram/',
      'electron/engine/inbound/',
      'electron/engine/platform/',
      'electron/engine/logging/',
      'electron/engine/contract/',
      'electron/engine/secrets/',
      'electron/engine/db/',
      'electron/engine/audit/',
      'electron/engine/test-support/',
      'shared/',
      'package.json',
    ],
    packages: 'node',
    builtins: true,
    why: 'telegram/ translates Telegram into its own plain types and imports no feature (inbox, accounts, bots, outbox, ...): features import it, never the reverse.',
  },
  {
    name: 'the engine',
    files: 'electron/engine/',
    folders: ['electron/engine/', 'shared/', 'package.json'],
    packages: 'node',
    builtins: true,
    why: 'The engine is pure Node: it never imports electron, the shell (electron/main, electron/preload) or the renderer.',
  },
  {
    name: 'the shell',
    files: 'electron/',
    folders: ['electron/', 'shared/'],
    packages: 'node',
    builtins: true,
    electron: true,
    why: 'The shell talks to the renderer only through the contract in shared/.',
  },
  {
    name: 'the renderer',
    files: 'renderer/',
    folders: ['renderer/', 'shared/'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'zustand', '@tanstack/react-virtual', 'recharts', 'react-hook-form', '@hookform/resolvers'],
    why: 'The renderer is a web page: no Node, no electron, and the engine only through the typed contract in shared/.',
  },
  {
    name: 'shared/',
    files: 'shared/',
    folders: ['shared/'],
    packages: ['zod'],
    why: 'shared/ is imported by the engine and the renderer alike, so it imports neither, nor Node, nor their libraries.',
  },
];

for (const layer of LAYERS) {
  const builtin = Array.isArray(layer.packages) && layer.packages.find((name) => BUILTINS.has(name));
  if (builtin) throw new Error(`${layer.name} may not allowlist the Node builtin "${builtin}".`);
}

function problem(layer, file, specifier) {
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(dirname(file), specifier)).split(sep).join('/');
    return layer.folders.some((folder) => `${target}/`.startsWith(folder)) ? null : `"${specifier}" reaches ${target}`;
  }
  if (isElectron(specifier)) return layer.electron ? null : `"${specifier}" is Electron`;
  if (isBuiltin(specifier)) return layer.builtins ? null : `"${specifier}" is a Node builtin`;
  if (layer.packages === 'node') return null;
  const allowed = [...layer.packages, ...(TEST_FILE.test(file) ? TEST_PACKAGES : [])];
  return allowed.includes(packageName(specifier)) ? null : `"${specifier}" is not on the list of packages ${layer.name} may use`;
}

const layersRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.physicalFilename;
    const path = relative(ROOT, file).split(sep).join('/');
    const layer = LAYERS.find((l) => path.startsWith(l.files));
    if (!layer) return {};
    const check = (node) => {
      if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
      const found = problem(layer, file, node.value);
      if (found) context.report({ node, message: `${found}. ${layer.why}` });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export const deskLayers = { rules: { layers: layersRule } };
