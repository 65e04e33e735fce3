/**
 * A guard against DNS rebinding. A page on `http://evil.example:8080` whose name is re-pointed at
 * 127.0.0.1 reaches a loopback server as its own origin (Origin host = Host), so the browser lets it
 * read a tokenless feed. Such requests carry the attacker's name in `Host`: a server bound to loopback
 * answers only requests addressed to its own names (127.0.0.1, localhost, ::1, the --host value, and
 * the hosts of --origins, for a reverse proxy that passes the public name through); others get 421.
 * A server bound to another address (0.0.0.0, a LAN address) is reached under names it cannot know, so
 * it does not check: protect it with --tokens.
 */
export class HostPolicy {
  /** Whether the Host header is checked (the server is bound to loopback). */
  readonly enforced: boolean;
  private readonly names: ReadonlySet<string>;

  constructor(bindHost: string, origins: readonly string[]) {
    const bind = normalizeHostname(bindHost);
    this.enforced = isLoopbackName(bind);
    const names = new Set(['127.0.0.1', 'localhost', '::1', bind]);
    for (const o of origins) {
      if (o === '*') continue;
      try {
        names.add(normalizeHostname(new URL(o).hostname));
      } catch {
        // normalizeOrigin has refused it already
      }
    }
    this.names = names;
  }

  /** The names this server answers to, for messages and the README. */
  get allowedNames(): string[] {
    return [...this.names];
  }

  /** Whether a request with this Host header may be answered. */
  allows(host: string | undefined): boolean {
    if (!this.enforced || host === undefined) return true;
    const name = hostnameOf(host);
    return name !== null && this.names.has(name);
  }
}

/** `[::1]` -> `::1`, `LocalHost.` -> `localhost`. */
function normalizeHostname(name: string): string {
  let n = name.toLowerCase();
  if (n.startsWith('[') && n.endsWith(']')) n = n.slice(1, -1);
  if (n.endsWith('.')) n = n.slice(0, -1);
  return n;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** The normalized host name of a Host header (`LocalHost.:8080` -> `localhost`); null when unparseable. */
function hostnameOf(host: string): string | null {
  try {
    return normalizeHostname(new URL(`http://${host}`).hostname);
  } catch {
    return null;
  }
}

/** Whether a Host header (`localhost:8080`, `[::1]:8080`, `127.0.0.1`) names this machine's loopback. */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = host === undefined ? null : hostnameOf(host);
  return name !== null && isLoopbackName(name);
}
