/**
 * Serves the built console (packages/console/dist: the trainer console, the floor-TV board and the CRM
 * embed example) read-only. Without a build, every page is a 404 that says how to make one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>wallboard: console not built</title>
<body style="font-family:system-ui;max-width:40em;margin:3em auto;line-height:1.5">
<h1>The console is not built</h1>
<p>This server serves the trainer console and the floor-TV board from <code>packages/console/dist</code>,
which does not exist yet. Build it with <code>pnpm -r build</code> in the repository root (or point the
server at another build with <code>--console DIR</code>), then reload.</p>
<p>The live feeds work without it: <code>/stream</code> (Server-Sent Events), <code>/ws</code> (WebSocket),
<code>/snapshot</code> and <code>/health</code>.</p></body></html>
`;

export class StaticFiles {
  constructor(private readonly root: string | undefined) {}

  get available(): boolean {
    return this.root !== undefined && existsSync(join(this.root, 'index.html'));
  }

  /** Serves `pathname`; returns false when it is not a file of the build. */
  serve(pathname: string, res: ServerResponse, head: boolean): boolean {
    if (!this.root || !this.available) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(head ? undefined : NOT_BUILT);
      return true;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (rel.includes('\0')) return false;
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(this.root, rel));
    // No way out of the build directory (`..`, encoded or not).
    if (!file.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep)) return false;
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return false;
      size = st.size;
    } catch {
      return false;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (head) res.end();
    else createReadStream(file).pipe(res);
    return true;
  }
}
