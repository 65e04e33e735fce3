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

describe('--queues', () => {
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
