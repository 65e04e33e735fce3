import { describe, expect, it } from 'vitest';
import { trainerWords } from '../src/console/app.js';
import { describeEntry } from '../src/console/describe.js';
import type { TimelineEntry } from '../src/sim/protocol.js';

const entry = (control: string, params: Record<string, unknown>, agents: number): TimelineEntry => ({
  t: 0,
  control,
  source: 'control',
  params,
  agents: Array.from({ length: agents }, (_, i) => `a${i}`),
});

describe('control feedback says what happened, not what was asked', () => {
  it('Remove names its shortfall and its scope', () => {
    expect(describeEntry(entry('remove-agents', { count: 500 }, 32))).toBe(
      'Removed 32 of 500 agents requested from any queue (no more on duty)',
    );
    expect(describeEntry(entry('remove-agents', { count: 3, queue: 'care' }, 3))).toBe(
      'Removed 3 agents skilled in care',
    );
    expect(describeEntry(entry('remove-agents', { count: 3 }, 0))).toBe(
      'Removed no agent: none from any queue was on duty, nothing changed',
    );
  });

  it('Extend shifts and breaks that moved nobody say nothing changed', () => {
    expect(describeEntry(entry('extend-shifts', { minutes: 30 }, 0))).toMatch(
      /^No agent on duty has a shift end to extend .*nothing changed$/,
    );
    expect(describeEntry(entry('extend-shifts', { minutes: 30 }, 4))).toBe('4 agents stay 30 min longer');
    expect(describeEntry(entry('send-on-break', { minutes: 15, count: 3 }, 0))).toMatch(/nothing changed$/);
  });

  it("rewords the simulator's API-speak for trainers", () => {
    expect(trainerWords('add-agents: skills must list queues')).toBe(
      'Tick at least one queue for the new agents.',
    );
  });
});
