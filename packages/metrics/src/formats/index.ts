/**
 * Real input formats -> the event schema: NDJSON events, Asterisk queue_log, and call-detail records
 * with a column map. `readEvents` is the one entry point the report CLI and the server call.
 * The mappings and every decision behind them are documented in docs/formats.md.
 */

import { readCdr } from './cdr.js';
import type { CdrMap } from './cdr-map.js';
import { readNdjson } from './ndjson.js';
import { readQueueLog } from './queue-log.js';
import { FormatError, INPUT_FORMATS, type InputFormat, type ReadResult } from './types.js';

export { formatLocalTimeToEpoch, isValidTimeZone, type LocalDateTime, zoneOffsetMs } from '../local-time.js';
export type { CdrMap, ColumnRef, TimeSource } from './cdr-map.js';
export { CdrMapError, parseCdrMap } from './cdr-map.js';
export { DIALPLAN_DESTINATION, QUEUE_LOG_IGNORED_VERBS } from './queue-log.js';
export {
  FormatError,
  INPUT_FORMATS,
  type InputFormat,
  type LineDiagnostic,
  type ReadResult,
} from './types.js';
export { readCdr, readNdjson, readQueueLog };

export interface ReadOptions {
  format: InputFormat;
  /** The column map, required for `cdr` (a decoded JSON map is validated with parseCdrMap). */
  map?: CdrMap | unknown;
}

/**
 * Reads a whole input into events. Bad lines are returned in `bad` with their line numbers and never
 * stop the read; a whole-input problem (unknown format, missing or invalid column map, a header
 * without a mapped column) throws a FormatError whose message says what to fix.
 */
export function readEvents(text: string, opts: ReadOptions): ReadResult {
  switch (opts.format) {
    case 'ndjson':
      return readNdjson(text);
    case 'queue_log':
      return readQueueLog(text);
    case 'cdr':
      if (opts.map === undefined) throw new FormatError('format "cdr" needs a column map (--map FILE)');
      return readCdr(text, opts.map);
    default:
      throw new FormatError(`unknown format "${String(opts.format)}" (expected ${INPUT_FORMATS.join(', ')})`);
  }
}

const QUEUE_LOG_LINE = /^\d{9,11}(\.\d+)?\|[^|]*\|[^|]*\|[^|]*\|[A-Z_]+(\||$)/;

/**
 * Guesses the format of an input from its file name and first lines, or null when unsure. The name
 * decides first (`.ndjson`/`.jsonl`, `queue_log*`, `.csv`/`.tsv`); then the content: a JSON object per
 * line, queue_log lines, or delimited records.
 */
export function detectFormat(text: string, fileName?: string): InputFormat | null {
  const name = (fileName ?? '').toLowerCase().replace(/^.*[\\/]/, '');
  if (/\.(ndjson|jsonl)(\.|$)/.test(name)) return 'ndjson';
  if (name.startsWith('queue_log') || name.endsWith('.queue_log')) return 'queue_log';
  if (/\.(csv|tsv)$/.test(name)) return 'cdr';

  const sample: string[] = [];
  for (const line of text.slice(0, 64 * 1024).split('\n')) {
    const l = line.replace(/^\uFEFF/, '').trim();
    if (l !== '') sample.push(l);
    if (sample.length >= 5) break;
  }
  if (sample.length === 0) return null;
  const share = (test: (l: string) => boolean) => sample.filter(test).length / sample.length;
  if (share((l) => l.startsWith('{')) >= 0.6) return 'ndjson';
  if (share((l) => QUEUE_LOG_LINE.test(l)) >= 0.6) return 'queue_log';
  // Delimited records: every sampled line splits into the same number (>= 3) of fields.
  for (const d of ['\t', ',', ';']) {
    const counts = sample.map((l) => l.split(d).length);
    if (counts[0] >= 3 && counts.every((c) => c === counts[0])) return 'cdr';
  }
  return null;
}
