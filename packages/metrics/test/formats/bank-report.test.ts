/**
 * The bank month through readEvents + buildReport, checked against figures computed here straight from
 * the raw TSV rows (bank-raw.ts, no reader, no engine) with the definitions of DESIGN.md "Metrics":
 * T = 20 s; short abandons (wait < S) leave offered and abandoned and are counted on their own; the four
 * SL formulas; ASA = mean wait of answered, ATA = mean wait of (not short) abandoned, ATT = mean talk,
 * abandon rate = abandoned / (answered + abandoned).
 */
import { describe, expect, it } from 'vitest';
import { readEvents } from '../../src/formats/index.js';
import { buildReport } from '../../src/report.js';
import { SL_FORMULAS, type SlFormula } from '../../src/types.js';
import { BANK_MAP, BANK_TSV, type RawCall, readRawBank } from './bank-raw.js';

const T = 20;
const raw = readRawBank();
const { events, bad } = readEvents(BANK_TSV, { format: 'cdr', map: BANK_MAP });

function expectedFigures(calls: RawCall[], formula: SlFormula, S: number) {
  const answered = calls.filter((c) => c.outcome === 'answered');
  const allAbandoned = calls.filter((c) => c.outcome === 'abandoned');
  const isShort = (c: RawCall) => S > 0 && c.waitSec < S;
  const abandoned = allAbandoned.filter((c) => !isShort(c));
  const shortAbandoned = allAbandoned.length - abandoned.length;
  const answeredWithin = answered.filter((c) => c.waitSec <= T).length;
  const abandonedWithin = abandoned.filter((c) => c.waitSec <= T).length;
  const n = answered.length;
  const a = abandoned.length;
  const div = (x: number, y: number) => (y > 0 ? x / y : null);
  const sl = {
    'abandons-count-against': div(answeredWithin, n + a),
    'answered-only': div(answeredWithin, n),
    'ignore-early-abandons': div(answeredWithin, n + a - abandonedWithin),
    'early-abandons-count-for': div(answeredWithin + abandonedWithin, n + a),
  }[formula];
  const sum = (cs: RawCall[], k: 'waitSec' | 'talkSec') => cs.reduce((s, c) => s + c[k], 0);
  return {
    offered: calls.length - shortAbandoned,
    answered: n,
    abandoned: a,
    shortAbandoned,
    answeredWithin,
    serviceLevel: sl,
    asaSec: div(sum(answered, 'waitSec'), n),
    ataSec: div(sum(abandoned, 'waitSec'), a),
    attSec: div(sum(answered, 'talkSec'), n),
    abandonRate: div(a, n + a),
  };
}

const queues = [...new Set(raw.calls.map((c) => c.queue))].sort();
const scopes: Array<[string, RawCall[]]> = [
  ['all', raw.calls],
  ...queues.map((q): [string, RawCall[]] => [`queue:${q}`, raw.calls.filter((c) => c.queue === q)]),
];

describe('bank month report against the raw rows', () => {
  it('reads the whole file cleanly', () => {
    expect(bad).toEqual([]);
    expect(queues).toEqual(['IN', 'NE', 'NW', 'PE', 'PS', 'TT']);
  });

  for (const shortAbandonSec of [5, 0]) {
    for (const slFormula of SL_FORMULAS) {
      it(`${slFormula}, short abandon ${shortAbandonSec} s: every scope's figures`, () => {
        const report = buildReport(events, {
          timeZone: 'Asia/Jerusalem',
          slThresholdSec: T,
          slFormula,
          shortAbandonSec,
        });
        expect(report.diagnostics.rejected).toBe(0);
        expect(report.diagnostics.accepted).toBe(events.length);
        for (const [key, calls] of scopes) {
          const want = expectedFigures(calls, slFormula, shortAbandonSec);
          const got = report.scopes[key];
          expect(got, key).toBeDefined();
          for (const k of ['offered', 'answered', 'abandoned', 'shortAbandoned', 'answeredWithin'] as const) {
            expect(got[k], `${key} ${k}`).toBe(want[k]);
          }
          for (const k of ['serviceLevel', 'asaSec', 'ataSec', 'attSec', 'abandonRate'] as const) {
            const w = want[k];
            if (w === null) expect(got[k], `${key} ${k}`).toBeNull();
            else expect(got[k], `${key} ${k}`).toBeCloseTo(w, 9);
          }
        }
      });
    }
  }
});
