import './helpers/lit-warnings.js';
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { firstValueFrom, take, toArray } from 'rxjs';
import { Announcer } from '../src/internal/announcer.js';
import { formatDuration, formatPercent, numberFormat } from '../src/internal/format.js';
import { thresholdLevel, widgetStatus, worstLevel } from '../src/internal/thresholds.js';
import { readPath, SnapshotStore } from '../src/snapshot-store.js';
import { emptyScope } from './helpers/fake-store.js';

describe('thresholds', () => {
  it('levels a value strictly beyond warn and critical, in either direction', () => {
    const above = { warn: 5, critical: 10, direction: 'above' as const };
    const cases: Array<[number | null, string | null]> = [
      [null, null],
      [Number.NaN, null],
      [4, 'ok'],
      [5, 'ok'],
      [5.01, 'warning'],
      [10, 'warning'],
      [10.5, 'critical'],
    ];
    for (const [value, level] of cases) expect(thresholdLevel(value, above), String(value)).to.equal(level);
    const below = { warn: 0.8, critical: 0.6, direction: 'below' as const };
    expect(thresholdLevel(0.8, below)).to.equal('ok');
    expect(thresholdLevel(0.79, below)).to.equal('warning');
    expect(thresholdLevel(0.6, below)).to.equal('warning');
    expect(thresholdLevel(0.59, below)).to.equal('critical');
    expect(thresholdLevel(0.1, { warn: null, critical: undefined, direction: 'below' })).to.equal('ok');
  });

  it('takes the worse level and lets stale override', () => {
    expect(worstLevel('ok', 'critical')).to.equal('critical');
    expect(worstLevel('warning', null)).to.equal('warning');
    expect(worstLevel(null, null)).to.equal(null);
    expect(widgetStatus('critical', true)).to.equal('stale');
    expect(widgetStatus(null, false)).to.equal('empty');
  });
});

describe('formatters', () => {
  it('caches one formatter per locale and options', () => {
    expect(numberFormat('fr-FR', { style: 'percent' })).to.equal(numberFormat('fr-FR', { style: 'percent' }));
    expect(numberFormat('fr-FR', { style: 'percent' })).to.not.equal(
      numberFormat('de-DE', { style: 'percent' }),
    );
  });

  it('falls back to the default locale for a malformed tag instead of throwing', () => {
    expect(formatPercent('not a locale!!', 0.5)).to.equal(
      new Intl.NumberFormat(undefined, { style: 'percent' }).format(0.5),
    );
  });

  it('formats durations digitally and in words', () => {
    expect(formatDuration('en', 0)).to.equal('0:00');
    expect(formatDuration('en', 59.6)).to.equal('1:00');
    expect(formatDuration('en', 3600)).to.equal('1:00:00');
    expect(formatDuration('en', -5)).to.equal('0:00');
    expect(formatDuration('en', 3661, 'long')).to.equal('1 hour, 1 minute, 1 second');
    expect(formatDuration('en', 0, 'long')).to.equal('0 seconds');
  });
});

describe('announcer', () => {
  it('merges crossings within the interval, latest per source, and speaks politely', async () => {
    const announcer = new Announcer(300);
    const region = announcer.region;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const a = {};
    const b = {};
    announcer.announce(a, 'Sales: Warning, 79%');
    announcer.announce(a, 'Sales: Critical, 55%');
    announcer.announce(b, 'Support: OK, 91%');
    await waitUntil(() => region.textContent !== '', 'no announcement');
    expect(region.textContent).to.equal('Sales: Critical, 55%. Support: OK, 91%');
    const spokenAt = Date.now();
    announcer.announce(a, 'Sales: OK, 85%');
    await aTimeout(100);
    expect(region.textContent, 'throttled').to.equal('Sales: Critical, 55%. Support: OK, 91%');
    await waitUntil(() => region.textContent === 'Sales: OK, 85%', 'second announcement', { timeout: 2000 });
    expect(Date.now() - spokenAt).to.be.at.least(250);
    region.remove();
  });
});

describe('SnapshotStore', () => {
  it('selects dotted paths and emits only on change', async () => {
    const store = new SnapshotStore({ timeZone: 'Europe/Paris' });
    const values = firstValueFrom(
      store.select('queue:a', 'agentsByState.available').pipe(take(3), toArray()),
    );
    const scope = (available: number) => ({
      ...emptyScope('queue:a', store.settings),
      agentsByState: { offline: 0, available, 'on-call': 0, acw: 0, break: 0, other: 0 },
    });
    for (const [i, n] of [1, 1, 2, 2, 3].entries())
      store.push({ seq: i + 1, t: i, timeZone: 'Europe/Paris', scopes: { 'queue:a': scope(n) } });
    expect(await values).to.deep.equal([1, 2, 3]);
    expect(store.settings.timeZone).to.equal('Europe/Paris');
    expect(store.push(null as never)).to.equal(false);
    expect(store.snapshot?.seq).to.equal(5);
  });

  it('reads missing paths as null', () => {
    expect(readPath({ a: { b: 1 } }, 'a.b')).to.equal(1);
    expect(readPath({ a: { b: 1 } }, 'a.c')).to.equal(null);
    expect(readPath(undefined, 'a')).to.equal(null);
    expect(readPath({ a: 3 }, 'a.b')).to.equal(null);
  });
});
