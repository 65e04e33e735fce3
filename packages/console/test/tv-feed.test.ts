import { describe, expect, it } from 'vitest';
import { widgetKeys } from '../src/tv/board.js';
import { DEFAULT_LAYOUT, type Layout, validateLayout } from '../src/tv/layout.js';
import { SL_INFO as info } from './support/sl-info.js';

// tv.ts pulls in the widgets (lit, rxjs): imported lazily, as tv-thresholds.test.ts does.
const tv = () => import('../src/tv/tv.js');

const sl = (slTarget: number, slThresholdSec: number) => ({
  sl: { slTarget, slThresholdSec, slFormula: 'abandons-count-against', shortAbandonSec: 5 },
});
type Snap = Parameters<Awaited<ReturnType<typeof tv>>['feedInfo']>[1];
const snapshot = (scopes: Record<string, unknown>, t = Date.UTC(2025, 2, 3, 9, 0, 0)) =>
  ({ t, timeZone: 'UTC', scopes }) as unknown as Snap;
const store = { settings: info.settings };

describe('a feed board follows the queues its feed shows', () => {
  it('changes its shape only when a queue, or a queue’s SL terms, changes', async () => {
    const { feedInfo, feedShape, mergeFeedInfo } = await tv();
    const first = feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.8, 20) }));
    const shape = feedShape(first, 'all');
    // Later states with the same queues (other figures, other times): the same shape.
    const later = mergeFeedInfo(
      first,
      feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.8, 20) }, first.startEpochMs + 60_000)),
    );
    expect(feedShape(later, 'all')).toBe(shape);
    // A queue's first call: a new shape, with the queue on its own terms.
    const withVip = mergeFeedInfo(
      later,
      feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.8, 20), 'queue:vip': sl(0.9, 10) })),
    );
    expect(feedShape(withVip, 'all')).not.toBe(shape);
    expect(withVip.queues).toEqual([
      { id: 'care', name: 'care', slTarget: 0.8, slThresholdSec: 20 },
      { id: 'vip', name: 'vip', slTarget: 0.9, slThresholdSec: 10 },
    ]);
    // A queue's terms changing: a new shape too.
    const retermed = mergeFeedInfo(
      withVip,
      feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.85, 15), 'queue:vip': sl(0.9, 10) })),
    );
    expect(feedShape(retermed, 'all')).not.toBe(feedShape(withVip, 'all'));
    expect(retermed.queues[0]).toMatchObject({ id: 'care', slTarget: 0.85, slThresholdSec: 15 });
    // A state that lacks a queue seen before (a reconnection, a server restarted) keeps it on the board.
    const lost = mergeFeedInfo(
      retermed,
      feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.85, 15) })),
    );
    expect(lost.queues.map((q) => q.id)).toEqual(['care', 'vip']);
    expect(feedShape(lost, 'all')).toBe(feedShape(retermed, 'all'));
  });

  it('generates pages with the new queues; a layout’s pages stay as they are', async () => {
    const { feedInfo, feedPages, mergeFeedInfo } = await tv();
    const one = feedInfo(store, snapshot({ all: sl(0.8, 20), 'queue:care': sl(0.8, 20) }));
    const two = mergeFeedInfo(one, feedInfo(store, snapshot({ 'queue:vip': sl(0.9, 10) })));
    // One queue: no Queues page; two: every queue's tile.
    expect(feedPages(DEFAULT_LAYOUT, one, 'all').map((p) => p.title)).toEqual(['Now', 'Today by interval']);
    const pages = feedPages(DEFAULT_LAYOUT, two, 'all');
    expect(pages.map((p) => p.title)).toEqual(['Now', 'Today by interval', 'Queues']);
    expect(pages[2].widgets.map((w) => w.queue)).toEqual(['care', 'vip']);
    // `queues` still chooses among them.
    const chosen: Layout = { ...DEFAULT_LAYOUT, queues: ['vip'] };
    expect(
      feedPages(chosen, two, 'all')
        .flatMap((p) => p.widgets)
        .filter((w) => w.type === 'queue-tile'),
    ).toEqual([]);
    const checked = validateLayout({
      pages: [{ title: 'VIP', widgets: [{ type: 'queue-tile', queue: 'vip' }] }],
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(feedPages(checked.value, one, 'all')).toEqual(feedPages(checked.value, two, 'all'));
    expect(feedPages(checked.value, two, 'all').map((p) => p.title)).toEqual(['VIP']);
  });

  it('keys each widget of a page by what it shows, the same across re-renders', () => {
    const tiles = [
      { type: 'queue-tile' as const, queue: 'care', label: 'care' },
      { type: 'queue-tile' as const, queue: 'vip', label: 'vip' },
    ];
    const before = widgetKeys(tiles).map((k) => k.key);
    const after = widgetKeys([{ type: 'queue-tile', queue: 'alpha', label: 'alpha' }, ...tiles]).map(
      (k) => k.key,
    );
    expect(after.slice(1)).toEqual(before);
    // The same widget twice gets two keys.
    const twice = widgetKeys([tiles[0], tiles[0]]).map((k) => k.key);
    expect(new Set(twice).size).toBe(2);
    // Thresholds are not part of the key: new SL terms update the same element.
    expect(widgetKeys([{ ...tiles[0], warn: 0.9 }])[0].key).toBe(before[0]);
  });
});
