import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { securityHeaders, WINDOW_CSP } from './security-headers';

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

export type StaticFiles = ReturnType<typeof createStaticFiles>;

/**
 * Answers a signed-in GET or HEAD for the window: the file with the window's CSP, hashed assets
 * cached for good, and a plain message when the window was never built (`files` null or empty).
 */
export function sendWindowFile(files: StaticFiles | null, path: string, request: IncomingMessage, response: ServerResponse): void {
  const file = files?.get(path) ?? null;
  if (!file) {
    response
      .writeHead(files?.available ? 404 : 503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(files?.available ? 'Not found.' : 'The window is not built yet: run `npm run build`, then start the desk again.');
    return;
  }
  response.writeHead(200, {
    ...securityHeaders(WINDOW_CSP),
    'Content-Type': file.type,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}
