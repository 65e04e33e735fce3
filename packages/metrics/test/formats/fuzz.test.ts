import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEvents } from '../../src/formats/index.js';
import { validateEvent } from '../../src/validate.js';
import { BANK_MAP } from './bank-raw.js';

const BANK_HEADER =
  'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const BANK_ROW =
  'AA0101\t34539\t23317894\t2\tPS\t990201\t8:09:16\t8:09:22\t6\t8:09:22\t8:09:27\t5\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER';
const QUEUE_LOG = '1709629210|1709629210.1|sales|SIP/bob|CONNECT|12|1709629222.2|1';
const NDJSON = '{"type":"call.queued","t":1709629210000,"call":"c1","queue":"q"}';

/** Lines that are random, or a good line with characters replaced, dropped or repeated. */
function line(good: string) {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .tuple(fc.nat({ max: good.length }), fc.nat({ max: 6 }), fc.string({ maxLength: 6 }))
      .map(([at, cut, put]) => (good.slice(0, at) + put + good.slice(at + cut)).replace(/[\r\n]/g, ' ')),
    fc.constant(good),
  );
}

describe('readers never throw on line garbage, and every event they emit validates', () => {
  const cases = [
    ['ndjson', NDJSON, '', undefined],
    ['queue_log', QUEUE_LOG, '', undefined],
    ['cdr', BANK_ROW, `${BANK_HEADER}\n`, BANK_MAP],
  ] as const;
  for (const [format, good, prefix, map] of cases) {
    it(format, () => {
      fc.assert(
        fc.property(fc.array(line(good), { maxLength: 30 }), (lines) => {
          const r = readEvents(prefix + lines.join('\n'), { format, map });
          for (const e of r.events) expect(validateEvent(structuredClone(e)).ok).toBe(true);
          // a generated line may hold a newline itself: count the physical lines the reader sees
          const nonBlank = lines
            .join('\n')
            .split('\n')
            .filter((l) => l.trim() !== '').length;
          expect(r.bad.length).toBeLessThanOrEqual(nonBlank);
          for (const b of r.bad) expect(b.line).toBeGreaterThan(0);
          // every event names the physical line it came from
          const physical = (prefix + lines.join('\n')).split('\n').length;
          expect(r.lines).toHaveLength(r.events.length);
          for (const l of r.lines) expect(l >= 1 && l <= physical).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
});
