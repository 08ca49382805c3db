/**
 * The part of the internet the sandbox can reach: public HTTPS addresses that forward to a
 * receiver on loopback, as a reverse proxy or tunnel in front of a bot does. Telegram cannot
 * reach a host it cannot resolve; neither can the sandbox reach one nobody declared here.
 */
export class PublicAddresses {
  /** Public base (origin and optional path, no trailing slash) → local base it forwards to. */
  private readonly forwards = new Map<string, string>();

  /** `localBase` null stops forwarding that public base. */
  forward(publicBase: string, localBase: string | null): void {
    const key = normalize(publicBase);
    if (localBase === null) this.forwards.delete(key);
    else this.forwards.set(key, normalize(localBase));
  }

  /** Whether the URL's host is one the sandbox knows (Telegram resolves the host on setWebhook). */
  knowsHost(url: URL): boolean {
    return [...this.forwards.keys()].some((base) => new URL(base).host === url.host);
  }

  /** The local URL a delivery to this public URL reaches; null when nothing forwards it. */
  resolve(publicUrl: string): string | null {
    const url = normalize(publicUrl);
    let best: string | null = null;
    for (const base of this.forwards.keys()) {
      const covers = url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
      if (covers && (best === null || base.length > best.length)) best = base;
    }
    return best === null ? null : this.forwards.get(best)! + url.slice(best.length);
  }
}

/** One spelling per address: the URL parser drops default ports and lower-cases the host. */
function normalize(url: string): string {
  return new URL(url).href.replace(/\/$/, '');
}
