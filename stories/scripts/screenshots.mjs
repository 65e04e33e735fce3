// Screenshots of the built Storybook (storybook-static/), for looking at it: `node scripts/screenshots.mjs
// [story-id[?globals=...]] ...` writes PNGs to .screenshots/ (git-ignored). With no ids, a default set.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const out = fileURLToPath(new URL('../.screenshots/', import.meta.url));
if (!existsSync(join(root, 'iframe.html'))) {
  console.error('storybook-static/ is missing: run `pnpm build-storybook` first');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
  let file = join(root, path || 'index.html');
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const ids = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
for (const spec of ids.length ? ids : ['widgets-sl-gauge--all-states']) {
  const [id, query = ''] = spec.split('?');
  const docs = id.endsWith('--docs');
  const url = `${base}/iframe.html?id=${id}&viewMode=${docs ? 'docs' : 'story'}${query ? `&${query}` : ''}`;
  await page.goto(url);
  await page.waitForSelector(docs ? '.sbdocs' : '#storybook-root > *', { timeout: 15000 });
  await page.waitForTimeout(Number(process.env.WAIT_MS ?? 600));
  const name = `${spec.replace(/[^a-z0-9-]+/gi, '_')}.png`;
  await page.screenshot({ path: join(out, name), fullPage: process.env.FULL !== '0' });
  console.log(`${name}${errors.length ? `  page errors: ${errors.splice(0).join(' | ')}` : ''}`);
}
await browser.close();
server.close();
