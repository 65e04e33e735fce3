import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diff, type JsonObject, jsonEqual } from '../src/stream/patch.js';
import { roundFigures } from '../src/stream/round.js';

// JSON objects shaped like snapshots: nested objects, nulls, numbers, arrays; keys never start with `$`.
const key = fc.constantFrom('a', 'b', 'c', 'offered', 'serviceLevel', 'interval', 'advice', 'intervals');
const { obj } = fc.letrec<{ value: unknown; obj: JsonObject }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('obj'),
  ),
  obj: fc.dictionary(key, tie('value'), { maxKeys: 5 }) as fc.Arbitrary<JsonObject>,
}));

describe('patches', () => {
  it('apply(a, diff(a, b)) equals b, and survives a JSON round trip', () => {
    fc.assert(
      fc.property(obj, obj, (a, b) => {
        const p = diff(a, b);
        const wire = p === undefined ? undefined : (JSON.parse(JSON.stringify(p)) as JsonObject);
        const out = wire === undefined ? a : applyPatch(a, wire);
        // Compare as JSON (what the client receives): -0 and 0 are the same number there.
        expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(JSON.stringify(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips lists that grow', () => {
    fc.assert(
      fc.property(fc.array(obj, { maxLength: 4 }), fc.array(obj, { maxLength: 3 }), (head, tail) => {
        const a = { list: head };
        const b = { list: [...structuredClone(head), ...tail] };
        const p = diff(a, b);
        const out = p === undefined ? a : applyPatch(a, JSON.parse(JSON.stringify(p)));
        expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(JSON.stringify(b)));
      }),
    );
  });

  it('is empty exactly when the states are equal', () => {
    fc.assert(
      fc.property(obj, obj, (a, b) => {
        expect(diff(a, b) === undefined).toBe(jsonEqual(a, b));
        expect(diff(a, structuredClone(a))).toBeUndefined();
      }),
    );
  });

  it('does not touch its input and shares unchanged subtrees', () => {
    const a = { x: { deep: { n: 1 } }, y: { n: 2 }, list: [1, 2] };
    const before = structuredClone(a);
    const out = applyPatch(a, { y: { n: 3 }, $d: ['list'] });
    expect(a).toEqual(before);
    expect(out).toEqual({ x: { deep: { n: 1 } }, y: { n: 3 } });
    expect(out.x).toBe(a.x);
  });

  it('sends a grown list as an append', () => {
    const a = { intervals: [{ n: 1 }, { n: 2 }] };
    const b = { intervals: [{ n: 1 }, { n: 2 }, { n: 3 }] };
    const p = diff(a, b);
    expect(p).toEqual({ intervals: { $a: [{ n: 3 }] } });
    expect(applyPatch(a, p!)).toEqual(b);
    // A changed earlier entry: the list goes whole.
    expect(diff(a, { intervals: [{ n: 9 }, { n: 2 }, { n: 3 }] })).toEqual({
      intervals: [{ n: 9 }, { n: 2 }, { n: 3 }],
    });
  });

  it('sends only what changed, null included', () => {
    const a = { offered: 10, serviceLevel: 0.8, interval: { asaSec: 3, csat: null }, advice: { n: 1 } };
    const b = { offered: 11, serviceLevel: null, interval: { asaSec: 3, csat: 0.5 } };
    expect(diff(a, b)).toEqual({ offered: 11, serviceLevel: null, interval: { csat: 0.5 }, $d: ['advice'] });
  });
});

describe('rounding on the wire', () => {
  it('keeps 6 significant digits of fractions and every integer', () => {
    const r = roundFigures({
      sl: 0.7723452400193955,
      aht: 346.28883767862436,
      offered: 24748,
      none: null,
      a: [1.23456789],
    });
    expect(r).toEqual({ sl: 0.772345, aht: 346.289, offered: 24748, none: null, a: [1.23457] });
  });
});
