import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webp': 'image/webp',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Hashed build assets never change under the same name. */
  immutable: boolean;
}

/** Serves the built window; unknown paths get index.html (the window routes by hash). */
export function createStaticFiles(root: string) {
  const base = resolve(root);
  const available = existsSync(join(base, 'index.html'));

  return {
    available,
    /** `path` is the decoded URL path. */
    get(path: string): StaticFile | null {
      const relative = normalize(path).replace(/^([/\\])+/, '');
      const file = resolve(base, relative || 'index.html');
      if (file !== base && !file.startsWith(base + sep)) return null;
      const target = existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html');
      if (!existsSync(target)) return null;
      return {
        body: readFileSync(target),
        type: TYPES[extname(target)] ?? 'application/octet-stream',
        immutable: target.includes(`${sep}assets${sep}`),
      };
    },
  };
}
