import { describe, expect, it } from 'vitest';
import type { WallboardEvent } from '../../src/events.js';
import { detectFormat, FormatError, readEvents } from '../../src/formats/index.js';

const T0 = Date.UTC(2024, 2, 5, 9, 0, 0);
const GOOD: WallboardEvent[] = [
  { type: 'agent.state', t: T0, agent: 'a1', state: 'available', queues: ['q'], name: 'Ann' },
  { type: 'call.queued', t: T0 + 1000, call: 'c1', queue: 'q', priority: 2, partner: 'acme', id: 'e2' },
  { type: 'call.answered', t: T0 + 9000, call: 'c1', queue: 'q', agent: 'a1' },
  { type: 'call.ended', t: T0 + 99_000, call: 'c1', queue: 'q', agent: 'a1', holdMs: 5000 },
  { type: 'call.rated', t: T0 + 120_000, call: 'c1', queue: 'q', agent: 'a1', score: 5 },
  { type: 'call.queued', t: T0 + 130_000, call: 'c2', queue: 'q' },
  { type: 'call.overflowed', t: T0 + 160_000, call: 'c2', queue: 'q', to: 'outsourcer' },
  { type: 'call.queued', t: T0 + 200_000, call: 'c3', queue: 'q' },
  { type: 'call.abandoned', t: T0 + 210_000, call: 'c3', queue: 'q' },
];

describe('NDJSON reader', () => {
  it('reads every event type unchanged, in file order', () => {
    const text = GOOD.map((e) => JSON.stringify(e)).join('\n');
    const r = readEvents(`${text}\n`, { format: 'ndjson' });
    expect(r.events).toEqual(GOOD);
    expect(r.bad).toEqual([]);
    expect(r.ignored).toBe(0);
  });

  it('keeps out-of-order events in file order (the engine judges them)', () => {
    const swapped = [GOOD[2], GOOD[1]];
    const r = readEvents(swapped.map((e) => JSON.stringify(e)).join('\n'), { format: 'ndjson' });
    expect(r.events).toEqual(swapped);
  });

  it('reports garbage lines with their numbers and reasons, leaving the good ones alone', () => {
    const garbage: Array<[line: string, reason: string]> = [
      ['{"type":"call.queued","t":', 'malformed'],
      ['hello', 'malformed'],
      ['[1,2,3]', 'malformed'],
      ['{"type":"call.teleported","t":1709629200000}', 'unknown-type'],
      ['{"type":"call.queued","t":1709629200,"call":"x","queue":"q"}', 'bad-time'],
      ['{"type":"call.queued","t":"soon","call":"x","queue":"q"}', 'bad-time'],
      ['{"type":"call.answered","t":1709629200000,"call":"x","queue":"q"}', 'missing-field'],
      ['{"type":"call.rated","t":1709629200000,"call":"x","queue":"q","agent":"a","score":9}', 'bad-field'],
      ['null', 'malformed'],
      ['\u0000\u0007{', 'malformed'],
    ];
    const lines: string[] = [];
    const expectedBad: Array<[number, string]> = [];
    GOOD.forEach((e, i) => {
      lines.push(JSON.stringify(e));
      const [g, reason] = garbage[i];
      lines.push(g);
      expectedBad.push([lines.length, reason]);
      if (i % 4 === 0) lines.push('   '); // blank lines are not events and not errors
    });
    const r = readEvents(lines.join('\r\n'), { format: 'ndjson' });
    expect(r.events).toEqual(GOOD);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual(expectedBad);
    for (const b of r.bad) expect(b.detail).not.toBe('');
  });

  it('skips a byte-order mark', () => {
    const r = readEvents(`\uFEFF${JSON.stringify(GOOD[0])}`, { format: 'ndjson' });
    expect(r.events).toEqual([GOOD[0]]);
  });
});

describe('readEvents and detectFormat', () => {
  it('throws a FormatError for a missing map or an unknown format', () => {
    expect(() => readEvents('a,b', { format: 'cdr' })).toThrow(FormatError);
    expect(() => readEvents('a,b', { format: 'cdr' })).toThrow(/needs a column map/);
    expect(() => readEvents('', { format: 'xml' as 'cdr' })).toThrow(/unknown format "xml"/);
  });

  it('detects formats from the file name first, then the content', () => {
    expect(detectFormat('', 'events.ndjson')).toBe('ndjson');
    expect(detectFormat('', '/var/log/asterisk/queue_log')).toBe('queue_log');
    expect(detectFormat('', 'queue_log.1')).toBe('queue_log');
    expect(detectFormat('', 'C:\\exports\\calls.TSV')).toBe('cdr');
    expect(detectFormat(GOOD.map((e) => JSON.stringify(e)).join('\n'))).toBe('ndjson');
    expect(
      detectFormat('1709629200|NONE|NONE|NONE|QUEUESTART|\n1709629210|1.1|sales|NONE|ENTERQUEUE||555|1\n'),
    ).toBe('queue_log');
    expect(detectFormat('id,queue,start\n1,sales,2024-03-05 09:00:00\n2,sales,2024-03-05 09:01:00\n')).toBe(
      'cdr',
    );
    expect(detectFormat('a\tb\tc\td\n1\t2\t3\t4\n', 'export.txt')).toBe('cdr');
    expect(detectFormat('hello world\nnothing here\n')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });
});
