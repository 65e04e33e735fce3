/**
 * Which browser origins may read the feeds (`--origins URL,...`). A request without an `Origin` header
 * (curl, a server, a same-origin GET) needs no permission; a page on another origin needs to be listed
 * (or `*`). Browsers enforce CORS for SSE and fetch but not for WebSocket, so the server checks the
 * origin of a WebSocket upgrade itself: unlisted foreign origins are refused.
 */
export class CorsError extends Error {}

export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;
  private readonly any: boolean;

  constructor(origins: readonly string[]) {
    this.any = origins.includes('*');
    this.origins = new Set(origins.filter((o) => o !== '*').map(normalizeOrigin));
  }

  /** Whether a request from `origin` to a server reached as `host` may be answered with data. */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.any) return true;
    if (this.origins.has(origin)) return true;
    // Same origin: the page was served by this server (the console).
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** The response headers that let an allowed cross-origin page read the response. */
  headers(origin: string | undefined): Record<string, string> {
    if (origin === undefined || (!this.any && !this.origins.has(origin))) return {};
    return {
      'Access-Control-Allow-Origin': this.any ? '*' : origin,
      'Access-Control-Allow-Headers': 'Authorization, Last-Event-ID',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }
}

/** `https://crm.example.com/` -> `https://crm.example.com`; throws CorsError naming a bad entry. */
export function normalizeOrigin(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new CorsError(`--origins: "${value}" is not a URL such as https://crm.example.com`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new CorsError(`--origins: "${value}" must be an http or https origin`);
  if (u.pathname !== '/' || u.search || u.hash)
    throw new CorsError(`--origins: "${value}" must be an origin only (scheme, host, port), without a path`);
  return u.origin;
}
