/**
 * Call-detail records (CSV/TSV, one call a row) -> events, driven by a column map (cdr-map.ts). Each row
 * becomes call.queued + call.answered + call.ended, or call.queued + call.abandoned, or nothing (an
 * ignored outcome, or a call that never reached a queue). A row's end comes after later rows' starts,
 * so the events are sorted by time at the end (stable: a row's own events keep their order).
 *
 * Lines are parsed one at a time with csv-parse, so a broken line (a stray quote, a short row) is
 * reported with its number and cannot swallow its neighbours; the price is that quoted fields may not
 * span lines, which call records never need. A line with no quote character is split directly, which is
 * what csv-parse would do with it, at a fraction of the cost. We import csv-parse's browser ESM build: it carries its own
 * Buffer shim, so the one code path tested here under Node is the one a browser runs (the Node build
 * calls the Node-only global `Buffer`).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { CallEndedEvent, CallQueuedEvent, WallboardEvent } from '../events.js';
import { validateEvent } from '../validate.js';
import { type CdrMap, type ColumnRef, mapColumns, parseCdrMap, type TimeSource } from './cdr-map.js';
import { CdrTimeReader, durationSeconds, RowError } from './cdr-time.js';
import { excerpt, FormatError, type ReadResult, ResultBuilder, splitLines } from './types.js';

type Outcome = 'answered' | 'abandoned';

/** Splits one line into fields; throws RowError when csv-parse cannot read it. */
function lineParser(map: CdrMap): (line: string) => string[] {
  const options = {
    delimiter: map.delimiter,
    quote: map.quote ?? false,
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: ['\n'],
  };
  const quote = map.quote;
  return (line) => {
    // Without a quote character csv-parse splits exactly like String.split: skip its per-call set-up.
    if (quote === null || !line.includes(quote)) return line.split(map.delimiter);
    let records: string[][];
    try {
      records = parse(line, options) as string[][];
    } catch (err) {
      throw new RowError('malformed', `cannot split the line: ${(err as Error).message.split('\n')[0]}`);
    }
    if (records.length !== 1) throw new RowError('malformed', `cannot split the line ${excerpt(line)}`);
    return records[0];
  };
}

/** Column refs -> field indexes, checked against the header; a missing column is a whole-file error. */
function resolveColumns(map: CdrMap, header: string[] | null): (ref: ColumnRef) => number {
  const byName = new Map<string, number>();
  header?.forEach((name, i) => {
    const n = name.trim();
    if (!byName.has(n)) byName.set(n, i);
  });
  for (const [key, ref] of mapColumns(map)) {
    if (typeof ref === 'string' && !byName.has(ref)) {
      const names = [...byName.keys()].map((n) => JSON.stringify(n)).join(', ');
      throw new FormatError(
        `column map: "${key}" names column "${ref}", which is not in the file's header (${names})`,
      );
    }
  }
  return (ref) => (typeof ref === 'number' ? ref : byName.get(ref)!);
}

export function readCdr(text: string, mapInput: CdrMap | unknown): ReadResult {
  const map = parseCdrMap(mapInput);
  const out = new ResultBuilder();
  const split = lineParser(map);
  const times = new CdrTimeReader(map);
  const lines = splitLines(text);

  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  let header: string[] | null = null;
  if (map.header) {
    if (first >= lines.length) return out.result();
    try {
      header = split(lines[first]);
    } catch (err) {
      throw new FormatError(`cannot read the header line: ${(err as Error).message}`);
    }
    first++;
  }
  const index = resolveColumns(map, header);
  const needed = mapColumns(map).map(([key, ref]) => [key, index(ref)] as const);
  const minFields = Math.max(...needed.map(([, i]) => i)) + 1;
  const outcomes = new Map<string, Outcome | 'ignore'>();
  if (map.outcome) {
    for (const v of map.outcome.answered) outcomes.set(v, 'answered');
    for (const v of map.outcome.abandoned) outcomes.set(v, 'abandoned');
    for (const v of map.outcome.ignore) outcomes.set(v, 'ignore');
  }
  const noAgent = new Set(map.agent?.none ?? []);

  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    try {
      const f = split(line);
      if (f.length < minFields) {
        const [key] = needed.find(([, idx]) => idx >= f.length)!;
        throw new RowError(
          'missing-field',
          `the row has ${f.length} field(s); the map's "${key}" needs more`,
        );
      }
      const cell = (ref: ColumnRef) => f[index(ref)] ?? '';
      const row = readRow(cell);
      if (typeof row === 'string') {
        out.ignore(row);
        continue;
      }
      for (const ev of row) {
        const v = validateEvent(ev);
        if (!v.ok) throw new RowError(v.reason, v.detail);
      }
      for (const ev of row) out.add(ev, i + 1);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      out.reject(i + 1, err.reason, err.message);
    }
  }
  out.sortByTime();
  return out.result();

  /** One row's events, or the reason it is ignored. */
  function readRow(cell: (ref: ColumnRef) => string): WallboardEvent[] | string {
    let outcome: Outcome | undefined;
    if (map.outcome) {
      const v = cell(map.outcome.column).trim();
      const o = outcomes.get(v);
      if (o === 'ignore') return `outcome ${v}`;
      if (o === undefined) {
        throw new RowError('bad-field', `outcome ${JSON.stringify(v)} is not listed in the map's "outcome"`);
      }
      outcome = o;
    }

    const call = map.callId.map((c) => cell(c).trim());
    if (call.some((part) => part === ''))
      throw new RowError('missing-field', 'the call id (callId) is empty');
    const callId = call.join(map.callIdSeparator);
    const queue = cell(map.queue).trim();
    if (queue === '') throw new RowError('missing-field', 'the queue is empty');

    let date: number | undefined;
    let anchorWall: number | undefined;
    if (map.date) {
      date = times.date(cell(map.date.column), 'date');
      if (map.date.anchor !== undefined) {
        const a = cell(map.date.anchor);
        if (!times.isMissing(a)) anchorWall = times.anchorWall(a, 'date.anchor', date);
      }
    }
    const at = (step: keyof CdrMap['times'], base?: number): number | undefined => {
      const src: TimeSource = map.times[step];
      if ('column' in src) {
        for (const ref of src.column) {
          const c = cell(ref);
          if (times.isMissing(c)) continue;
          const t = times.time(c, `times.${step}.column`, date, anchorWall);
          if (src.minusSeconds === undefined) return t;
          const s = durationSeconds(cell(src.minusSeconds), `times.${step}.minusSeconds`);
          if (s === undefined) throw new RowError('missing-field', `times.${step}.minusSeconds is empty`);
          return t - Math.round(s * 1000);
        }
        return undefined;
      }
      const s = durationSeconds(cell(src.seconds), `times.${step}.seconds`);
      return s === undefined || base === undefined ? undefined : base + Math.round(s * 1000);
    };

    let queuedT = at('queued');
    const answeredT = outcome === 'abandoned' ? undefined : at('answered', queuedT);
    if (outcome === undefined) outcome = answeredT !== undefined ? 'answered' : 'abandoned';

    if (outcome === 'abandoned') {
      // Offered means it reached a queue: a caller who hung up before (in a voice menu) was never offered.
      if (queuedT === undefined) return 'never queued';
      const abandonedT = at('abandoned', queuedT);
      if (abandonedT === undefined)
        throw new RowError('missing-field', 'abandoned, but no abandon time (times.abandoned)');
      if (abandonedT < queuedT) throw new RowError('bad-time', 'abandoned before it was queued');
      return [queuedEvent(queuedT), { type: 'call.abandoned', t: abandonedT, call: callId, queue }];
    }

    if (answeredT === undefined)
      throw new RowError('missing-field', 'answered, but no answer time (times.answered)');
    // Answered without a queue time: it went straight to an agent, offered and answered at once.
    queuedT ??= answeredT;
    const endedT = at('ended', answeredT);
    if (endedT === undefined) throw new RowError('missing-field', 'answered, but no end time (times.ended)');
    if (answeredT < queuedT) throw new RowError('bad-time', 'answered before it was queued');
    if (endedT < answeredT) throw new RowError('bad-time', 'ended before it was answered');
    let agent = map.agent ? cell(map.agent.column).trim() : '';
    if (agent === '' || noAgent.has(agent)) {
      if (map.agent?.unknown === undefined) {
        throw new RowError(
          'missing-field',
          `answered, but no agent${agent ? ` (${JSON.stringify(agent)})` : ''}`,
        );
      }
      agent = map.agent.unknown;
    }
    const ended: CallEndedEvent = { type: 'call.ended', t: endedT, call: callId, queue, agent };
    if (map.holdSeconds !== undefined) {
      const hold = durationSeconds(cell(map.holdSeconds), 'holdSeconds');
      if (hold !== undefined) ended.holdMs = Math.round(hold * 1000);
    }
    return [queuedEvent(queuedT), { type: 'call.answered', t: answeredT, call: callId, queue, agent }, ended];

    function queuedEvent(t: number): CallQueuedEvent {
      const ev: CallQueuedEvent = { type: 'call.queued', t, call: callId, queue };
      if (map.priority !== undefined) {
        const p = cell(map.priority).trim();
        if (p !== '') {
          if (!/^-?\d+(\.\d+)?$/.test(p))
            throw new RowError('bad-field', `priority ${JSON.stringify(p)} is not a number`);
          ev.priority = Number(p);
        }
      }
      if (map.partner) {
        const partner = 'value' in map.partner ? map.partner.value : cell(map.partner.column).trim();
        if (partner !== '') ev.partner = partner;
      }
      return ev;
    }
  }
}
