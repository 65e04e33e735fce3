/**
 * A board started before the day's first call: the queues of --queues (and their owners' partner scopes)
 * are in /snapshot from the start, with nothing offered, their own SL terms and no SL yet.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson, spawnServer, tempDir, until } from './support/servers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Scope {
  offered: number;
  waiting: number;
  serviceLevel: number | null;
  sl: { slThresholdSec: number; slTarget: number };
}

describe('--queues before the first call', { timeout: 60_000 }, () => {
  it('/snapshot has every configured queue and owner, empty, with its own SL terms', async () => {
    const events = join(tmp.dir, 'events.ndjson');
    writeFileSync(events, ''); // nothing yet: followed as it grows
    const qfile = join(tmp.dir, 'queues.json');
    writeFileSync(
      qfile,
      JSON.stringify({
        'billing-en': { partner: 'acme', name: 'Billing', slThresholdSec: 30, slTarget: 0.9 },
        sales: {},
      }),
    );
    const s = await spawnServer(['--ndjson', events, '--queues', qfile, '--port', '0', '--publish-ms', '50']);
    try {
      let scopes: Record<string, Scope> = {};
      await until('a snapshot', async () => {
        const r = await getJson(`${s.url}/snapshot`);
        scopes = (r.body.scopes ?? {}) as Record<string, Scope>;
        return r.status === 200 && 'all' in scopes;
      });
      expect(Object.keys(scopes).sort()).toEqual(['all', 'partner:acme', 'queue:billing-en', 'queue:sales']);
      expect(scopes['queue:billing-en']).toMatchObject({
        offered: 0,
        waiting: 0,
        serviceLevel: null,
        sl: { slThresholdSec: 30, slTarget: 0.9 },
      });
      expect(scopes['queue:sales']).toMatchObject({
        offered: 0,
        serviceLevel: null,
        sl: { slThresholdSec: 20 },
      });
      expect(scopes['partner:acme']).toMatchObject({ offered: 0, waiting: 0, serviceLevel: null });

      // The first call then counts in the queue and its owner as usual.
      const t = Date.now();
      appendFileSync(
        events,
        `${JSON.stringify({ type: 'call.queued', t, call: 'c1', queue: 'billing-en' })}\n`,
      );
      await until('the first call', async () => {
        const r = await getJson(`${s.url}/snapshot`);
        scopes = (r.body.scopes ?? {}) as Record<string, Scope>;
        return scopes['queue:billing-en']?.offered === 1;
      });
      expect(scopes['partner:acme']).toMatchObject({ offered: 1, waiting: 1 });
      expect(scopes['queue:sales'].offered).toBe(0);
    } finally {
      await s.kill();
    }
  });
});
