/**
 * Queue ownership for partner tokens: configured with --queues (a queue_log never names partners), and
 * learnt from events only when the engine accepted them, a queue shared by two partners belonging to
 * neither unless configured.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQueues } from '../src/cli/queues.js';
import { T0 } from './support/events.js';
import { getJson, spawnServer, tempDir, until } from './support/servers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A queue_log call: ENTERQUEUE, then CONNECT + COMPLETECALLER. */
function qlCall(t: number, id: string, queue: string): string[] {
  const sec = Math.floor(t / 1000);
  return [
    `${sec}|${id}|${queue}|NONE|ENTERQUEUE||5551000|1`,
    `${sec + 8}|${id}|${queue}|SIP/100|CONNECT|8|${id}.9|1`,
    `${sec + 60}|${id}|${queue}|SIP/100|COMPLETECALLER|8|52|1`,
  ];
}

describe('--queues', { timeout: 60_000 }, () => {
  it('gives a partner token exactly its configured queues of a queue_log', async () => {
    const log = join(tmp.dir, 'queue_log');
    const queues = ['acme-1', 'acme-2', 'globex-1', 'sales'];
    const lines = queues.flatMap((q, i) =>
      [0, 1].flatMap((n) => qlCall(T0 + (i * 2 + n) * 90_000, `${q}.${n}`, q)),
    );
    writeFileSync(log, `${lines.join('\n')}\n`);
    const qfile = join(tmp.dir, 'queues.json');
    writeFileSync(
      qfile,
      JSON.stringify({
        'acme-1': { partner: 'acme', name: 'Acme one' },
        'acme-2': { partner: 'acme' },
        'globex-1': { partner: 'globex' },
      }),
    );
    const tokens = join(tmp.dir, 'tokens.json');
    writeFileSync(tokens, JSON.stringify({ 'acme-board-1': ['partner:acme'], 'floor-tv-all': ['*'] }));
    const s = await spawnServer([
      '--queue-log',
      log,
      '--queues',
      qfile,
      '--tokens',
      tokens,
      '--port',
      '0',
      '--publish-ms',
      '50',
      '--time-zone',
      'UTC',
    ]);
    try {
      await until('every call', async () => {
        const all = await getJson(`${s.url}/snapshot?token=floor-tv-all`);
        const scopes = (all.body.scopes ?? {}) as Record<string, { offered?: number }>;
        return queues.every((q) => scopes[`queue:${q}`]?.offered === 2);
      });
      const acme = await getJson(`${s.url}/snapshot?token=acme-board-1`);
      expect(acme.status).toBe(200);
      expect(Object.keys(acme.body.scopes as object).sort()).toEqual([
        'partner:acme',
        'queue:acme-1',
        'queue:acme-2',
      ]);
      expect((acme.body.scopes as Record<string, { offered: number }>)['partner:acme'].offered).toBe(4);
    } finally {
      await s.kill();
    }
  });

  it('rejects a bad queues file with one line naming the path of the bad value', () => {
    expect(() => parseQueues('[]', 'q.json')).toThrow(/q.json must be a JSON object mapping each queue id/);
    expect(() => parseQueues('{"a": "acme"}', 'q.json')).toThrow(/q.json: "a" must be an object/);
    expect(() => parseQueues('{"a": {"partner": 7}}', 'q.json')).toThrow(
      /q.json: "a".partner must be a non-empty string, got 7/,
    );
    expect(() => parseQueues('{"a": {"owner": "x"}}', 'q.json')).toThrow(
      /q.json: "a".owner: unknown setting/,
    );
    expect(() => parseQueues('{"a": {"slTarget": 2}}', 'q.json')).toThrow(
      /q.json: "a".slTarget must be a number from 0 to 1, got 2/,
    );
    expect(() => parseQueues('{nope', 'q.json')).toThrow(/q.json is not valid JSON/);
    expect(parseQueues('{"a": {"partner": "acme", "slThresholdSec": 30}}')).toEqual({
      a: { partner: 'acme', slThresholdSec: 30 },
    });
  });
});

describe('queue ownership learnt from events', () => {
  it('a queue shared by two partners belongs to neither; a configured owner wins; rejected events claim nothing', async () => {
    const { inProcess } = await import('./support/servers.js');
    const { parseTokens } = await import('../src/access/tokens.js');
    const { callEvents, toNdjson } = await import('./support/events.js');
    const file = join(tmp.dir, 'shared.ndjson');
    const shared = callEvents([{ queue: 'shared', calls: 6 }]).map((e, i) =>
      // Each call of the shared queue names the other partner: acme, globex, acme, ...
      e.type === 'call.queued' ? { ...e, partner: i % 2 === 0 ? 'acme' : 'globex' } : e,
    );
    const configured = callEvents([{ queue: 'conf', partner: 'globex', calls: 2 }]);
    const own = callEvents([
      { queue: 'acme-1', partner: 'acme', calls: 2 },
      { queue: 'globex-1', partner: 'globex', calls: 2 },
    ]);
    // A call.queued the engine rejects (an hour behind the stream) must not make acme-1 globex's too.
    const rejected = {
      type: 'call.queued',
      t: T0 - 3_600_000,
      call: 'x-1',
      queue: 'acme-1',
      partner: 'globex',
    };
    const events = [...shared, ...configured, ...own].sort((a, b) => a.t - b.t);
    writeFileSync(file, toNdjson([...events, rejected]));
    const server = await inProcess({
      source: { kind: 'ndjson', file },
      queues: { conf: { partner: 'acme' } },
      tokens: parseTokens(
        JSON.stringify({
          'acme-board-1': ['partner:acme'],
          'globex-board-1': ['partner:globex'],
          'shared-only-1': ['queue:shared'],
        }),
      ),
    });
    try {
      await until('every event', () => (server.engine?.diagnostics().rejected ?? 0) >= 1);
      const keys = async (token: string) =>
        Object.keys((await getJson(`${server.url}/snapshot?token=${token}`)).body.scopes as object).sort();
      await until('a snapshot after every event', async () => (await keys('shared-only-1')).length === 1);
      expect(await keys('acme-board-1')).toEqual(['partner:acme', 'queue:acme-1', 'queue:conf']);
      expect(await keys('globex-board-1')).toEqual(['partner:globex', 'queue:globex-1']);
      expect(await keys('shared-only-1')).toEqual(['queue:shared']);
      // And the owners published with the stream say the same.
      expect(server.hub.state?.owners).toEqual({
        'queue:acme-1': 'acme',
        'queue:globex-1': 'globex',
        'queue:conf': 'acme',
      });
    } finally {
      await server.close();
    }
  });
});
