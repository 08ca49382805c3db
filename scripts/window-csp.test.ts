import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../electron.vite.config';
import { WINDOW_CSP, WINDOW_CSP_META } from '../shared/window-csp';

describe('the window’s Content Security Policy', () => {
  it("lets the window connect only to its own origin ('self' covers its WebSocket)", () => {
    const connect = WINDOW_CSP.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self'");
  });

  it('is declared once: the page carries no copy, the build writes the meta tag from the declaration', async () => {
    const page = readFileSync('renderer/index.html', 'utf8');
    expect(page).not.toContain('Content-Security-Policy');
    const plugins = (config as { renderer: { plugins: Plugin[] } }).renderer.plugins.flat() as Plugin[];
    const csp = plugins.find((p) => p?.name === 'desk-window-csp');
    const hook = csp?.transformIndexHtml as ((html: string) => unknown) | undefined;
    expect(await hook?.(page)).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: WINDOW_CSP_META }, injectTo: 'head-prepend' }]);
    // A meta tag cannot carry frame-ancestors (browsers ignore it there with a warning); the header does.
    expect(WINDOW_CSP).toContain("frame-ancestors 'none'");
    expect(WINDOW_CSP_META).toBe(WINDOW_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });
});
