/**
 * The window's Content Security Policy, declared once: the Electron shell and headless mode
 * send it as a header, and the build writes it into renderer/index.html as a meta tag (for
 * the dev server and a page opened from disk). `'self'` covers the window's own WebSocket.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const WINDOW_CSP = DIRECTIVES.join('; ');

/** A meta tag cannot carry frame-ancestors (browsers ignore it there, with a warning). */
export const WINDOW_CSP_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
