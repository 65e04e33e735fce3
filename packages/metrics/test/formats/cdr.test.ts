import { describe, expect, it } from 'vitest';
import { CdrMapError, FormatError, parseCdrMap, readEvents } from '../../src/formats/index.js';

/** A made-up ACD export: comma separated, quoted, full local date-times in New York. */
const ACME_MAP = {
  name: 'acme',
  delimiter: ',',
  callId: 'call_id',
  queue: 'queue',
  agent: { column: 'agent', none: ['-'] },
  priority: 'prio',
  partner: { value: 'acme' },
  timeFormat: 'YYYY-MM-DD HH:mm:ss',
  timeZone: 'America/New_York',
  outcome: { column: 'outcome', answered: ['ANSWERED'], abandoned: ['ABANDON'], ignore: ['TEST'] },
  holdSeconds: 'hold',
  times: {
    queued: { column: 'start' },
    answered: { column: 'answer' },
    ended: { column: 'end' },
    abandoned: { column: 'end' },
  },
};

const HEADER = 'call_id,queue,agent,prio,start,answer,end,outcome,hold,note';
/** Rows by role; 2024-03-10 is the day New York springs forward at 02:00 EST -> 03:00 EDT. */
const ROWS = {
  // queued 01:59:50 EST = 06:59:50Z, answered 03:00:05 EDT = 07:00:05Z (a 15 s wait across the gap)
  c1: '"c1","sales","Ann",2,2024-03-10 01:59:50,2024-03-10 03:00:05,2024-03-10 03:05:00,ANSWERED,12,"spans the gap, nicely"',
  // starts after c1 but ends before it: the output must be sorted by time
  c2: 'c2,support,-,,2024-03-10 03:01:00,,2024-03-10 03:01:40,ABANDON,,',
  test: 'c3,sales,Ann,0,2024-03-10 04:00:00,2024-03-10 04:00:10,2024-03-10 04:01:00,TEST,,',
  neverQueued: 'c10,sales,-,0,,,2024-03-10 04:00:00,ABANDON,,',
};
const BAD: Array<[row: string, reason: string, detail: RegExp]> = [
  [
    'c4,sales,-,0,2024-03-10 05:00:00,2024-03-10 05:00:10,2024-03-10 05:01:00,ANSWERED,,',
    'missing-field',
    /no agent/,
  ],
  ['"c5,unterminated quote', 'malformed', /cannot split/],
  ['c6,sales', 'missing-field', /"queue"|"agent.column"|needs more/],
  ['c7,sales,Ann,0,yesterday,2024-03-10 05:00:10,2024-03-10 05:01:00,ANSWERED,,', 'bad-time', /times.queued/],
  [
    'c8,sales,Ann,0,2024-03-10 05:00:00,2024-03-10 05:00:10,2024-03-10 05:01:00,MAYBE,,',
    'bad-field',
    /outcome "MAYBE"/,
  ],
  [
    'c9,sales,Ann,0,2024-03-10 05:00:00,2024-03-10 04:59:00,2024-03-10 05:01:00,ANSWERED,,',
    'bad-time',
    /answered before/,
  ],
  [
    'c11,sales,Ann,high,2024-03-10 05:00:00,2024-03-10 05:00:10,2024-03-10 05:01:00,ANSWERED,,',
    'bad-field',
    /priority/,
  ],
  [
    'c12,sales,Ann,0,2024-02-30 05:00:00,2024-03-10 05:00:10,2024-03-10 05:01:00,ANSWERED,,',
    'bad-time',
    /not a time/,
  ],
  [
    ',sales,Ann,0,2024-03-10 05:00:00,2024-03-10 05:00:10,2024-03-10 05:01:00,ANSWERED,,',
    'missing-field',
    /call id/,
  ],
];

const EXPECTED = [
  {
    type: 'call.queued',
    t: Date.parse('2024-03-10T06:59:50Z'),
    call: 'c1',
    queue: 'sales',
    priority: 2,
    partner: 'acme',
  },
  { type: 'call.answered', t: Date.parse('2024-03-10T07:00:05Z'), call: 'c1', queue: 'sales', agent: 'Ann' },
  {
    type: 'call.queued',
    t: Date.parse('2024-03-10T07:01:00Z'),
    call: 'c2',
    queue: 'support',
    partner: 'acme',
  },
  { type: 'call.abandoned', t: Date.parse('2024-03-10T07:01:40Z'), call: 'c2', queue: 'support' },
  {
    type: 'call.ended',
    t: Date.parse('2024-03-10T07:05:00Z'),
    call: 'c1',
    queue: 'sales',
    agent: 'Ann',
    holdMs: 12_000,
  },
];

describe('CDR reader', () => {
  it('turns rows into their events, sorted by time, across a DST gap', () => {
    const text = [HEADER, ROWS.c1, ROWS.c2, ROWS.test, ROWS.neverQueued].join('\n');
    const r = readEvents(text, { format: 'cdr', map: ACME_MAP });
    expect(r.bad).toEqual([]);
    expect(r.events).toEqual(EXPECTED);
    expect(r.ignored).toBe(2);
    expect(r.ignoredReasons).toEqual({ 'outcome TEST': 1, 'never queued': 1 });
  });

  it('drops each bad row whole, by line number, and changes nothing else', () => {
    const lines = [HEADER];
    const expectedBad: Array<[number, string]> = [];
    const good = [ROWS.c1, ROWS.test, ROWS.c2, ROWS.neverQueued];
    BAD.forEach(([row, reason], i) => {
      if (i < good.length) lines.push(good[i]);
      lines.push(row);
      expectedBad.push([lines.length, reason]);
    });
    const r = readEvents(lines.join('\r\n'), { format: 'cdr', map: ACME_MAP });
    expect(r.events).toEqual(EXPECTED);
    expect(r.ignored).toBe(2);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual(expectedBad);
    r.bad.forEach((b, i) => {
      expect(b.detail).toMatch(BAD[i][2]);
    });
  });

  it('fails the whole file with a clear message when the header lacks a mapped column', () => {
    const text = ['call_id,queue,agent,prio,start,answered_at,end,outcome,hold', ROWS.c1].join('\n');
    expect(() => readEvents(text, { format: 'cdr', map: ACME_MAP })).toThrow(FormatError);
    expect(() => readEvents(text, { format: 'cdr', map: ACME_MAP })).toThrow(
      /"times.answered.column" names column "answer", which is not in the file's header/,
    );
  });

  it('reads headerless epoch records by column index, with durations and no outcome column', () => {
    const map = {
      delimiter: ';',
      header: false,
      callId: [0, 1],
      queue: 2,
      agent: { column: 3, unknown: 'nobody' },
      timeFormat: 'epoch',
      timeZone: 'UTC',
      times: {
        queued: { column: 4 },
        answered: { column: 5 },
        ended: { after: 'answered', seconds: 6 },
        abandoned: { after: 'queued', seconds: 7 },
      },
    };
    // No outcome column: a row with an answer time is answered, any other abandoned.
    const text = [
      'pbx1;7;q;ann;1709629200;1709629212;1:05;',
      'pbx1;8;q;;1709629201.5;;;3',
      'pbx2;7;q;;1709629300;1709629310;30;',
    ].join('\n');
    const r = readEvents(text, { format: 'cdr', map });
    expect(r.bad).toEqual([]);
    expect(r.events).toEqual([
      { type: 'call.queued', t: 1709629200000, call: 'pbx1-7', queue: 'q' },
      { type: 'call.queued', t: 1709629201500, call: 'pbx1-8', queue: 'q' },
      { type: 'call.abandoned', t: 1709629204500, call: 'pbx1-8', queue: 'q' },
      { type: 'call.answered', t: 1709629212000, call: 'pbx1-7', queue: 'q', agent: 'ann' },
      { type: 'call.ended', t: 1709629277000, call: 'pbx1-7', queue: 'q', agent: 'ann' },
      { type: 'call.queued', t: 1709629300000, call: 'pbx2-7', queue: 'q' },
      { type: 'call.answered', t: 1709629310000, call: 'pbx2-7', queue: 'q', agent: 'nobody' },
      { type: 'call.ended', t: 1709629340000, call: 'pbx2-7', queue: 'q', agent: 'nobody' },
    ]);
  });

  it('reads ISO times with and without an offset', () => {
    const map = {
      delimiter: '\t',
      callId: 'id',
      queue: 'q',
      agent: 'who',
      timeFormat: 'iso',
      timeZone: 'Europe/Berlin',
      times: {
        queued: { column: 'in' },
        answered: { column: 'ans' },
        ended: { column: 'out' },
        abandoned: { column: 'out' },
      },
    };
    const text = [
      'id\tq\twho\tin\tans\tout',
      'x\tq\tbo\t2024-07-01T10:00:00\t2024-07-01T08:00:30Z\t2024-07-01T10:05:00+02:00',
    ].join('\n');
    const r = readEvents(text, { format: 'cdr', map });
    expect(r.bad).toEqual([]);
    expect(r.events.map((e) => e.t)).toEqual([
      Date.parse('2024-07-01T08:00:00Z'), // Berlin is +02:00 in July
      Date.parse('2024-07-01T08:00:30Z'),
      Date.parse('2024-07-01T08:05:00Z'),
    ]);
  });
});

describe('parseCdrMap', () => {
  const base = () => structuredClone(ACME_MAP) as Record<string, unknown>;
  const bad: Array<[string, (m: Record<string, unknown>) => void, RegExp]> = [
    ['not an object', () => {}, /"\(map\)" must be a JSON object/],
    ['missing delimiter', (m) => delete m.delimiter, /"delimiter" must be a non-empty string/],
    ['misspelt key', (m) => (m.delimeter = ','), /"delimeter" is not a known key/],
    ['unknown zone', (m) => (m.timeZone = 'Mars/Base'), /"timeZone" "Mars\/Base" is not a known time zone/],
    ['bad column', (m) => (m.queue = -1), /"queue" must be a column name or a 0-based column index/],
    ['empty callId list', (m) => (m.callId = []), /"callId" must name at least one column/],
    [
      'bad time source',
      (m) => ((m.times as Record<string, unknown>).ended = { after: 'queued', seconds: 'x' }),
      /"times.ended.after" must be "answered"/,
    ],
    [
      'queued from a duration',
      (m) => ((m.times as Record<string, unknown>).queued = { after: 'answered', seconds: 'x' }),
      /"times.queued" must be \{"column"/,
    ],
    ['missing times', (m) => delete m.times, /"times" must be an object/],
    [
      'unknown times key',
      (m) => ((m.times as Record<string, unknown>).rang = { column: 'x' }),
      /"times.rang" is not a known key/,
    ],
    ['time pattern without date', (m) => (m.timeFormat = 'HH:mm:ss'), /"timeFormat" has no full date/],
    ['garbage pattern', (m) => (m.timeFormat = 'when'), /"timeFormat" pattern "when" has none of/],
    [
      'date with a date-time pattern',
      (m) => (m.date = { column: 'd', format: 'YYYYMMDD' }),
      /"timeFormat" must be a time-of-day pattern/,
    ],
    [
      'date without a year',
      (m) => {
        m.timeFormat = 'HH:mm:ss';
        m.date = { column: 'd', format: 'MM-DD' };
      },
      /"date.format" must be a pattern with a year/,
    ],
    [
      'repeated outcome value',
      (m) => ((m.outcome as Record<string, unknown>).ignore = ['ANSWERED']),
      /"outcome.ignore" repeats the value "ANSWERED"/,
    ],
    [
      'no answered outcome',
      (m) => ((m.outcome as Record<string, unknown>).answered = []),
      /"outcome.answered" must list at least one value/,
    ],
    [
      'partner with both',
      (m) => (m.partner = { column: 'p', value: 'x' }),
      /"partner" must have exactly one/,
    ],
    ['long quote', (m) => (m.quote = '""'), /"quote" must be one character/],
    [
      'names without a header',
      (m) => (m.header = false),
      /"callId" must be a 0-based column index when "header" is false/,
    ],
    ['agent typo', (m) => (m.agent = { column: 'agent', non: ['-'] }), /"agent.non" is not a known key/],
  ];
  for (const [name, mutate, message] of bad) {
    it(`rejects ${name}, naming the key`, () => {
      const m = name === 'not an object' ? [] : base();
      if (!Array.isArray(m)) mutate(m);
      expect(() => parseCdrMap(m)).toThrow(CdrMapError);
      expect(() => parseCdrMap(m)).toThrow(message);
    });
  }

  it('normalizes a valid map: single columns widened, defaults filled in', () => {
    const m = parseCdrMap(ACME_MAP);
    expect(m.header).toBe(true);
    expect(m.quote).toBe('"');
    expect(m.callId).toEqual(['call_id']);
    expect(m.callIdSeparator).toBe('-');
    expect(m.times.queued).toEqual({ column: ['start'] });
    expect(m.agent).toEqual({ column: 'agent', none: ['-'] });
    expect(parseCdrMap(m)).toEqual(m); // idempotent: a parsed map is a valid input
  });
});
