/** The answer to an address that cannot be read, instead of a 500 and a logged stack. */
export const MALFORMED_ADDRESS = 'The address is malformed (bad percent-encoding or syntax).';

/**
 * A request's URL and its decoded path, or null when the address is malformed: an unparsable
 * target or a `%` not followed by valid UTF-8 hex (decodeURIComponent would throw).
 */
export function readRequestUrl(target: string | undefined): { url: URL; path: string } | null {
  try {
    const url = new URL(target ?? '/', 'http://desk');
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}
