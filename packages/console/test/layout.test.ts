import { readdirSync, readFileSync } from 'node:fs';
import { builtInScenario, loadScenario } from '@wallboard/simulator';
import { describe, expect, it } from 'vitest';
import {
  applyParams,
  checkFeedScopes,
  checkQueues,
  DEFAULT_LAYOUT,
  defaultPages,
  MAX_ROWS,
  type PageSpec,
  pageColumns,
  paginate,
  QUEUES_PER_PAGE,
  URL_PARAMS,
  validateLayout,
  WIDGET_TYPES,
} from '../src/tv/layout.js';

const LAYOUTS = new URL('../public/layouts/', import.meta.url);

describe('validateLayout', () => {
  it('names every bad path, with what is wrong and what is allowed', () => {
    const r = validateLayout({
      title: 'Floor',
      speed: 'fast',
      theme: 'neon',
      lable: 'typo',
      pages: [
        { title: 'One', widgets: [{ type: 'sl-gauge' }, { type: 'gauge' }, { type: 'metric', span: 9 }] },
        { title: 'Two', widgets: [] },
        { widgets: [{ type: 'queue-tile', lable: 'x' }] },
      ],
      thresholds: { waiting: { warn: 'five' } },
      ticker: ['ok', 7, { level: 'loud' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const has = (start: string, words: RegExp) =>
      expect(
        r.problems.some((p) => p.startsWith(start) && words.test(p)),
        `${start} ${words}\n${r.problems.join('\n')}`,
      ).toBe(true);
    has('speed:', /number from 0\.1 to 20000, got "fast"/);
    has('theme:', /one of dark, light, high-contrast, got "neon"/);
    has('lable:', /unknown key/);
    has('pages[0].widgets[1].type:', /unknown widget "gauge"/);
    has('pages[0].widgets[2].metric:', /required for a metric widget/);
    has('pages[0].widgets[2].span:', /whole number from 1 to 4, got 9/);
    has('pages[1].widgets:', /non-empty list/);
    has('pages[2].title:', /required/);
    has('pages[2].widgets[0].lable:', /unknown key/);
    has('pages[2].widgets[0].queue:', /required for a queue-tile/);
    has('thresholds.waiting.warn:', /got "five"/);
    has('ticker[1]:', /string or/);
    has('ticker[2].text:', /required/);
    has('ticker[2].level:', /one of info, warning, critical, got "loud"/);
    // Good parts around the bad ones produce no problems of their own.
    expect(r.problems.some((p) => p.startsWith('pages[0].widgets[0]'))).toBe(false);
    expect(r.problems.some((p) => p.startsWith('title'))).toBe(false);
  });

  it('rejects what is not an object, with a message instead of a crash', () => {
    for (const bad of [null, 3, 'x', []]) {
      const r = validateLayout(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatch(/must be a JSON object/);
    }
  });

  it("fills defaults and keeps only the layout file's thresholds (the shared ones apply per scope)", () => {
    const r = validateLayout({ thresholds: { serviceLevel: { warn: 0.85 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.speed).toBe(DEFAULT_LAYOUT.speed);
    expect(r.value.thresholds).toEqual({ serviceLevel: { warn: 0.85 } });
    expect(DEFAULT_LAYOUT.thresholds).toEqual({});
  });
});

describe('applyParams', () => {
  it('lets the URL override scenario, speed, queues and theme, and names a bad parameter', () => {
    const p = new URLSearchParams('scenario=steady-day&speed=600&queues=a,%20b&theme=light&seed=7');
    const r = applyParams(DEFAULT_LAYOUT, p);
    expect(r.ok && r.value).toMatchObject({
      scenario: 'steady-day',
      speed: 600,
      queues: ['a', 'b'],
      theme: 'light',
      seed: 7,
    });
    const bad = applyParams(DEFAULT_LAYOUT, new URLSearchParams('speed=0&theme=pink'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toContain('URL parameter speed: must be a number from 0.1 to 20000, got 0');
      expect(bad.problems.some((x) => x.startsWith('URL parameter theme:'))).toBe(true);
    }
  });
});

describe('metric names', () => {
  it('names a metric no snapshot has, with the near one, and a threshold keyed by no figure', () => {
    const r = validateLayout({
      thresholds: { longestWait: { warn: 60 }, serviceLevel: { warn: 0.8 } },
      pages: [
        {
          title: 'x',
          widgets: [
            { type: 'metric', metric: 'noSuchMetric' },
            { type: 'metric', metric: 'interval.asaSecs' },
            { type: 'sl-gauge', metric: 'rolling.serviceLvel' },
            { type: 'metric', metric: 'agentsByState.lunch' },
            { type: 'metric', metric: 'agentsByState.on-call' },
            { type: 'metric', metric: 'rolling.avgStaffed' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (path: string) => r.problems.filter((p) => p.startsWith(`${path}:`));
    expect(at('pages[0].widgets[0].metric')[0]).toMatch(
      /^pages\[0\]\.widgets\[0\]\.metric: unknown metric "noSuchMetric"; known metrics: offered, answered, .*interval\.<figure>/,
    );
    expect(at('pages[0].widgets[1].metric')[0]).toContain('(did you mean interval.asaSec?)');
    expect(at('pages[0].widgets[2].metric')[0]).toContain('(did you mean rolling.serviceLevel?)');
    expect(at('pages[0].widgets[3].metric')).toHaveLength(1);
    expect(at('pages[0].widgets[4].metric')).toEqual([]);
    expect(at('pages[0].widgets[5].metric')).toEqual([]);
    expect(at('thresholds.longestWait')[0]).toContain('(did you mean longestWaitSec?)');
    expect(at('thresholds.serviceLevel')).toEqual([]);
    expect(r.problems).toHaveLength(5);
  });

  it('accepts the metrics of the generated pages', () => {
    const pages = defaultPages([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ]);
    expect(validateLayout({ pages }).ok).toBe(true);
  });
});

describe('unknown URL parameters', () => {
  it('names each misspelled parameter, suggests the near one and lists the known ones', () => {
    const r = applyParams(DEFAULT_LAYOUT, new URLSearchParams('sceanrio=lunch-gap&sped=600&zzz=1&speed=60'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const known = URL_PARAMS.join(', ');
    expect(r.problems).toEqual([
      `URL parameter sceanrio: unknown parameter (did you mean scenario?); known parameters: ${known}`,
      `URL parameter sped: unknown parameter (did you mean speed?); known parameters: ${known}`,
      `URL parameter zzz: unknown parameter; known parameters: ${known}`,
    ]);
    for (const name of ['title', 'at', 'paused', 'feed', 'token', 'transport', 'layout'])
      expect(known).toContain(name);
  });

  it('accepts every parameter tv.html reads', () => {
    const all = new URLSearchParams(
      'layout=/l.json&scenario=steady-day&speed=60&seed=1&queues=a&theme=dark&rotate=10&title=T&at=10:00&paused=1&feed=/stream&token=x&transport=sse',
    );
    expect([...all.keys()].sort()).toEqual([...URL_PARAMS].sort());
    expect(applyParams(DEFAULT_LAYOUT, all).ok).toBe(true);
  });
});

describe('checkQueues', () => {
  it('names widgets that point at queues or partners the scenario does not have', () => {
    const r = validateLayout({
      queues: ['care', 'nope'],
      pages: [
        {
          title: 'x',
          widgets: [
            { type: 'queue-tile', queue: 'sales' },
            { type: 'sl-gauge', scope: 'partner:zz' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(checkQueues(r.value, ['care'], ['acme'])).toEqual([
      `queues[1]: unknown queue "nope" (the scenario's queues: care)`,
      `pages[0].widgets[0].queue: unknown queue "sales" (the scenario's queues: care)`,
      'pages[0].widgets[1].scope: unknown partner "zz" (partners: acme)',
    ]);
  });

  it('names a team the scenario does not have', () => {
    const r = validateLayout({
      pages: [
        {
          title: 'x',
          widgets: [
            { type: 'metric', metric: 'ahtSec', scope: 'team:Nobody' },
            { type: 'metric', metric: 'ahtSec', scope: 'team:Blue Fishs' },
            { type: 'agent-board', scope: 'team:Blue Fishes' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(checkQueues(r.value, ['care'], [], ['Blue Fishes', 'Orchid Peacocks'])).toEqual([
      'pages[0].widgets[0].scope: unknown team "Nobody" (teams: Blue Fishes, Orchid Peacocks)',
      'pages[0].widgets[1].scope: unknown team "Blue Fishs" (teams: Blue Fishes, Orchid Peacocks)',
    ]);
  });
});

describe('checkFeedScopes', () => {
  it('names partners and teams the feed has not shown, and nothing once they appear', () => {
    const r = validateLayout({
      pages: [
        {
          title: 'x',
          widgets: [
            { type: 'metric', metric: 'ahtSec', scope: 'team:night' },
            { type: 'sl-gauge', scope: 'partner:acme' },
            { type: 'sl-gauge', queue: 'not-checked' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(checkFeedScopes(r.value, ['all', 'queue:care', 'team:day'])).toEqual([
      'pages[0].widgets[0].scope: the feed has no team "night" (its teams: day)',
      'pages[0].widgets[1].scope: the feed has no partner "acme" (its partners: none)',
    ]);
    expect(checkFeedScopes(r.value, ['all', 'team:day', 'team:night', 'partner:acme'])).toEqual([]);
  });
});

describe('shipped layouts', () => {
  const files = readdirSync(LAYOUTS).filter((f) => f.endsWith('.json'));
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file} is valid and names only its scenario's queues`, () => {
      const r = validateLayout(JSON.parse(readFileSync(new URL(file, LAYOUTS), 'utf8')));
      expect(r.ok ? [] : r.problems).toEqual([]);
      if (!r.ok) return;
      const loaded = loadScenario(builtInScenario(r.value.scenario));
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const partners = [...new Set(loaded.model.queues.flatMap((q) => (q.partner ? [q.partner] : [])))];
      expect(
        checkQueues(
          r.value,
          loaded.model.queues.map((q) => q.id),
          partners,
          loaded.model.agents.map((a) => a.team),
        ),
      ).toEqual([]);
      const types = new Set(r.value.pages.flatMap((p) => p.widgets.map((w) => w.type)));
      expect(types.size).toBeGreaterThan(4);
    });
  }
});

describe('defaultPages', () => {
  it("shows staffing only where it is one queue's: named with one queue, none on the center page of several", () => {
    const one = defaultPages([{ id: 'care', name: 'Care' }]);
    const staffing = (pages: PageSpec[]) =>
      pages.flatMap((p) => p.widgets).filter((w) => w.type === 'staffing');
    expect(staffing(one)).toEqual([{ type: 'staffing', queue: 'care', label: 'Staffing, Care' }]);
    const two = defaultPages([
      { id: 'billing-en', name: 'Billing (EN)' },
      { id: 'mobile', name: 'Mobile support' },
    ]);
    // "Staffing, Billing (EN)" on the whole center's page read as the center's staffing.
    expect(staffing(two)).toEqual([]);
    const abandon = two.flatMap((p) => p.widgets).find((w) => w.type === 'abandon-chart');
    expect(abandon?.span).toBe(2);
  });

  it('builds a valid board for one queue and for many', () => {
    for (const queues of [
      [{ id: 'q', name: 'Q' }],
      Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, name: `Q${i}` })),
    ]) {
      const pages = defaultPages(queues);
      const r = validateLayout({ pages });
      expect(r.ok ? [] : r.problems).toEqual([]);
      expect(
        pages.flatMap((p) => p.widgets).every((w) => (WIDGET_TYPES as readonly string[]).includes(w.type)),
      ).toBe(true);
      expect(pages.some((p) => p.title.startsWith('Queues'))).toBe(queues.length > 1);
    }
  });

  it('shows every queue, over as many Queues pages as it takes, in at most two rows', () => {
    for (const [n, titles] of [
      [2, ['Queues']],
      [10, ['Queues']],
      [12, ['Queues 1 of 2', 'Queues 2 of 2']],
      [30, ['Queues 1 of 3', 'Queues 2 of 3', 'Queues 3 of 3']],
    ] as const) {
      const queues = Array.from({ length: n }, (_, i) => ({ id: `q${i}`, name: `Q${i}` }));
      const pages = defaultPages(queues).filter((p) => p.title.startsWith('Queues'));
      expect(pages.map((p) => p.title)).toEqual(titles);
      const shown = pages.flatMap((p) => p.widgets.map((w) => w.queue));
      expect(shown).toEqual(queues.map((q) => q.id));
      for (const p of pages) {
        expect(p.widgets.length).toBeLessThanOrEqual(QUEUES_PER_PAGE);
        expect(Math.ceil(p.widgets.length / (p.columns ?? 1))).toBeLessThanOrEqual(2);
        // Evenly shared: no page with a handful of tiles after full ones.
        expect(pages[0].widgets.length - p.widgets.length).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('paginate', () => {
  const metrics = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: 'metric' as const, metric: 'waiting', label: `M${i}` }));

  it('splits a page that needs more than MAX_ROWS rows into pages that fit, in order', () => {
    const pages = paginate([{ title: 'Now', columns: 6, widgets: metrics(24) }]);
    expect(pages.map((p) => p.title)).toEqual(['Now (1 of 2)', 'Now (2 of 2)']);
    expect(pages.flatMap((p) => p.widgets.map((w) => w.label))).toEqual(metrics(24).map((w) => w.label));
    for (const p of pages) expect(Math.ceil(p.widgets.length / 6)).toBeLessThanOrEqual(MAX_ROWS);
    // Evenly: 12 and 12, not 18 and 6.
    expect(pages.map((p) => p.widgets.length)).toEqual([12, 12]);
  });

  it('keeps pages that fit, and the generated ones, as they are', () => {
    const one = { title: 'x', widgets: metrics(9) };
    expect(paginate([one])).toEqual([one]);
    const generated = defaultPages(Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, name: `Q${i}` })));
    expect(paginate(generated)).toEqual(generated);
  });

  it('gives an agent board the page width and a row of its own', () => {
    const page = {
      title: 'Floor',
      widgets: [...metrics(3), { type: 'agent-board' as const }],
    };
    // Three across for the others; the board (full width, two rows) under them: one page.
    expect(pageColumns(page)).toBe(3);
    expect(paginate([page])).toEqual([page]);
  });
});
