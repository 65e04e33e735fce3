/**
 * NDJSON events (DESIGN.md "Events"): one JSON object per line, checked by `validateEvent`. A bad line is
 * reported with its number and never touches its neighbours. Events keep file order: out-of-order events
 * are the engine's to judge and report, not the reader's to hide by sorting.
 */
import { validateEvent } from '../validate.js';
import { type ReadResult, ResultBuilder, splitLines } from './types.js';

export function readNdjson(text: string): ReadResult {
  const out = new ResultBuilder();
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      out.reject(i + 1, 'malformed', `not JSON: ${(err as Error).message}`);
      continue;
    }
    const v = validateEvent(value);
    if (v.ok) out.add(v.event, i + 1);
    else out.reject(i + 1, v.reason, v.detail);
  }
  return out.result();
}
