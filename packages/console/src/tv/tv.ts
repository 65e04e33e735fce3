/**
 * The floor board: loads the layout, starts the simulation worker on its scenario (looping day after
 * day, as a floor board runs for weeks), builds the board once, then rotates pages, fits them to the
 * screen and turns threshold crossings into ticker messages. Errors in the layout or the URL replace the
 * board with a list of problems, each naming its path.
 *
 * With `feed=URL` (and `token`, `transport`) the data comes from a wallboard server instead of the
 * simulator: the board waits for the feed's first state (its queues make the generated pages), then
 * the widgets read a `LiveFeedStore`, and the board's banner says when it is stale, reconnecting or
 * not authorised. A queue that first appears later (its first call) joins the generated pages, and a
 * queue's SL terms as the feed sends them judge its widgets: the board is updated in place then, and
 * only then (not on each state).
 */
import type { Snapshot } from '@wallboard/metrics';
import {
  feedProblem,
  feedUrl,
  type LiveFeedState,
  LiveFeedStore,
  SnapshotStore,
  type TickerMessage,
  type WbThresholdChangeEvent,
} from '@wallboard/widgets';
import type { Subscription } from 'rxjs';
import { localClockToEpoch, timeOfDay } from '../shared/time.js';
import { SimClient, SimError } from '../sim/client.js';
import type { RunConfig, RunInfo, ScenarioSource } from '../sim/protocol.js';
import type { AgentRow } from '../sim/roster.js';
import { type BuiltBoard, buildBoard, renderProblems, renderWaiting } from './board.js';
import { fitPage } from './fit.js';
import {
  checkFeedScopes,
  checkQueues,
  defaultPages,
  type Layout,
  type PageSpec,
  paginate,
  widgetScope,
} from './layout.js';
import { loadLayout, scenarioSource } from './load.js';
import { HEALTHY_MS, MAX_RESTARTS, restartDelayMs, restartPlan } from './restart.js';

/** What the worker sends with each snapshot. */
type SnapshotMessage = { snapshot: Snapshot; agents?: AgentRow[] };

/** What the end-to-end tests read (and a curious supervisor in the devtools). */
export interface TvStatus {
  state: 'loading' | 'running' | 'error';
  /** Where the data comes from: the in-browser simulation, or a wallboard server (`feed=`). */
  source: 'simulator' | 'feed';
  /** The feed's connection state (`LiveFeedStore.state`), null under the simulator. */
  feed: LiveFeedState | null;
  problems: string[];
  info: RunInfo | null;
  day: number;
  page: number;
  /** The page whose auto-fit last settled (-1 before the first): tests wait for it before measuring. */
  fitted: number;
  pages: number;
  /** The simulation worker's failure being recovered from (null while it runs), and restarts so far. */
  simError: string | null;
  restarts: number;
  snapshots: number;
  simNow: number;
  /** Times the board was built (1) or updated in place for a feed's new queues or SL terms (each one more). */
  rebuilds: number;
}

const MAX_ALERTS = 5;
/** How long the ticker says that the simulation was restarted. */
const NOTICE_MS = 10 * 60_000;

export async function startTv(root: HTMLElement, location: Location): Promise<void> {
  const status: TvStatus = {
    state: 'loading',
    source: 'simulator',
    feed: null,
    problems: [],
    info: null,
    day: 0,
    page: 0,
    fitted: -1,
    pages: 0,
    simError: null,
    restarts: 0,
    snapshots: 0,
    simNow: 0,
    rebuilds: 0,
  };
  (window as unknown as { wallboardTv: TvStatus }).wallboardTv = status;
  const fail = (title: string, problems: string[], where: string) => {
    status.state = 'error';
    status.problems = problems;
    renderProblems(root, title, problems, where);
  };
  const layoutParam = new URLSearchParams(location.search).get('layout');
  const where = layoutParam
    ? `Fix these problems in the layout file ${layoutParam} or the URL:`
    : 'Fix these problems in the URL:';

  const loaded = await loadLayout(location);
  if (!loaded.ok) return fail('This board cannot start', loaded.problems, where);
  const { layout, base } = loaded.value;
  document.documentElement.dataset.theme = layout.theme;
  document.title = `${layout.title} · floor board`;
  const params = new URLSearchParams(location.search);
  if (params.has('feed')) return startFeed(root, layout, params, status, fail, where);

  const source = await scenarioSource(layout, base);
  if (!source.ok) return fail('This board cannot start', source.problems, where);

  const needsAgents =
    layout.pages.length === 0 || layout.pages.some((p) => p.widgets.some((w) => w.type === 'agent-board'));
  const runConfig = (src: ScenarioSource, seed: number | undefined): RunConfig => ({
    source: src,
    seed,
    speed: layout.speed,
    loopDays: true,
    roster: needsAgents,
    scopes: ['all'],
    engine: { intervalMin: layout.intervalMin, keepIntervals: 'today' },
  });
  let client = new SimClient();
  let info: RunInfo;
  try {
    info = await client.start(runConfig(source.value, layout.seed));
  } catch (err) {
    client.terminate();
    const e = err instanceof SimError ? err : new SimError(String(err));
    return fail(
      'The scenario of this board cannot run',
      e.problems.length > 0 ? e.problems.map((p) => `scenario ${layout.scenario}: ${p}`) : [e.message],
      where,
    );
  }
  const queueIds = info.queues.map((q) => q.id);
  const queueProblems = checkQueues(layout, queueIds, info.partners, info.teams);
  if (queueProblems.length > 0) {
    client.terminate();
    return fail(
      'This board names queues, partners or teams its scenario does not have',
      queueProblems,
      where,
    );
  }
  const shownQueues = layout.queues ? info.queues.filter((q) => layout.queues!.includes(q.id)) : info.queues;
  const pages: PageSpec[] = paginate(layout.pages.length > 0 ? layout.pages : defaultPages(shownQueues));
  const scopes = scopesOf(
    pages,
    shownQueues.map((q) => q.id),
  );
  const store = new SnapshotStore({ ...info.settings });
  const built = buildBoard(root, layout, pages, info, store);
  status.state = 'running';
  status.info = info;
  status.pages = pages.length;
  status.rebuilds = 1;
  const agentBoards = [...root.querySelectorAll<HTMLElement & { agents: AgentRow[] }>('wb-agent-board')];

  // ---- the run's streams, wired again to each new worker after a failure ----
  let lastSnapshot = 0;
  let dayOffset = 0;
  let lastInfo = info;
  let wiring: Subscription[] = [];
  let notices: (messages: TickerMessage[]) => void = () => {};
  const showSnapshot = ({ snapshot, agents }: SnapshotMessage) => {
    lastSnapshot = performance.now();
    status.snapshots++;
    status.simNow = snapshot.t;
    store.push(snapshot);
    if (agents) for (const b of agentBoards) b.agents = rowsFor(b.dataset.agents ?? 'all', agents);
  };
  const wire = (c: SimClient) => {
    for (const sub of wiring) sub.unsubscribe();
    wiring = [
      c.snapshots$.subscribe((m) => {
        // A restarted run's snapshots from the start of its day would flash old figures (and fire false
        // threshold crossings) before its jump back to where the board was: only the latest is kept.
        if (rejoining) rejoined = m;
        else showSnapshot(m);
      }),
      c.alive$.subscribe(() => {
        // A heartbeat while nothing changed (paused, or a quiet night): the feed is alive, not stale.
        if (store.snapshot && performance.now() - lastSnapshot > 900) store.push(store.snapshot);
      }),
      c.info$.subscribe((i) => {
        if (!i) return;
        lastInfo = i;
        status.info = i;
        status.day = dayOffset + i.day;
      }),
      c.errors$.subscribe((err) => onFailure(c, err)),
    ];
  };

  // ---- a failed worker: said on the board, then the same run started again where it was ----
  let failures = 0;
  let healthySince = performance.now();
  let restarting = false;
  /** Set while a restarted run catches up to the time the board showed; its snapshots are held back. */
  let rejoining = false;
  let rejoined: SnapshotMessage | null = null;
  const onFailure = (failed: SimClient, err: SimError) => {
    if (failed !== client || restarting) return;
    restarting = true;
    failed.terminate();
    if (performance.now() - healthySince > HEALTHY_MS) failures = 0;
    failures++;
    status.simError = err.message;
    if (failures > MAX_RESTARTS) {
      showSimAlert(
        built,
        `The simulation keeps failing (${MAX_RESTARTS} restarts in a row): ${err.message}. Reload the page.`,
      );
      return;
    }
    const delay = restartDelayMs(failures);
    showSimAlert(
      built,
      `Data is stale: the simulation stopped (${err.message}). Restarting in ${Math.round(delay / 1000)} s (attempt ${failures} of ${MAX_RESTARTS})…`,
    );
    setTimeout(() => void restart(err), delay);
  };
  const restart = async (cause: SimError) => {
    const paused = client.clock$.value?.paused ?? false;
    const day = dayOffset + lastInfo.day;
    const plan = restartPlan(source.value, lastInfo, day);
    const to = status.simNow;
    const next = new SimClient();
    client = next;
    restarting = false;
    if (!plan) return onFailure(next, new SimError('the scenario can no longer be read'));
    rejoining = true;
    wire(next);
    try {
      // Started paused, so nothing runs until it is back at the board's time.
      const started = await next.start({ ...runConfig(plan.source, plan.seed), paused: true });
      dayOffset = plan.dayOffset;
      lastInfo = started;
      status.info = started;
      status.day = dayOffset + started.day;
      await next.setScopes(scopes);
      if (to > started.startEpochMs && to < started.endEpochMs) await next.jump(to);
      rejoining = false;
      // The snapshot the jump posted (it arrives before the jump's reply), shown now.
      if (rejoined) showSnapshot(rejoined);
      rejoined = null;
      if (!paused) await next.clock('resume');
    } catch (err) {
      rejoining = false;
      rejoined = null;
      if (client !== next) return;
      return onFailure(next, err instanceof SimError ? err : new SimError(String(err)));
    }
    if (client !== next) return;
    healthySince = performance.now();
    status.restarts++;
    status.simError = null;
    showSimAlert(built, null);
    const time = to ? timeOfDay(to, info.timeZone) : '';
    notices([
      {
        text: `The simulation restarted at ${time} after a failure (${cause.message})`,
        level: 'warning',
      },
    ]);
    // Said for a while, then the ticker is the layout's again (unless it failed since).
    const shown = status.restarts;
    setTimeout(() => {
      if (status.restarts === shown && status.simError === null) notices([]);
    }, NOTICE_MS);
  };
  wire(client);

  // Subscribed first: the snapshot that answers these is the board's first.
  await client.setScopes(scopes);

  // Demo and test links: ?at=10:30 starts the board at that center time, ?paused=1 holds it there.
  const at = params.get('at');
  if (at) {
    const to = localClockToEpoch(info.startEpochMs, info.timeZone, at);
    if (to === null) {
      client.terminate();
      return fail('This board cannot start', [`URL parameter at: must be a time HH:MM, got "${at}"`], where);
    }
    try {
      await client.jump(to);
      if (params.get('paused') !== '1') await client.clock('resume');
    } catch (err) {
      client.terminate();
      return fail('This board cannot start', [`URL parameter at: ${(err as Error).message}`], where);
    }
  } else if (params.get('paused') === '1') await client.clock('pause');

  notices = runBoard(root, layout, pages, built, status, info.timeZone).notices;
}

/** The board's own alert over the pages (a failed simulation), or none. */
function showSimAlert(built: BuiltBoard, text: string | null): void {
  built.alert.hidden = text === null;
  built.alert.textContent = text ?? '';
}

/**
 * The floor board fed by a wallboard server: checks `feed`, `token` and `transport`, connects, waits for
 * the first state (saying so on the screen, and what is wrong when the token is refused), then builds
 * the board on a `LiveFeedStore`. The same store keeps it live for weeks: reconnecting with backoff,
 * resuming by sequence, stale and refused states on the board's banner.
 */
function startFeed(
  root: HTMLElement,
  layout: Layout,
  params: URLSearchParams,
  status: TvStatus,
  fail: (title: string, problems: string[], where: string) => void,
  where: string,
): void {
  status.source = 'feed';
  const feed = params.get('feed') ?? '';
  const transport = params.get('transport')?.trim() || 'sse';
  const token = params.get('token')?.trim() || undefined;
  const problem = feedProblem(feed, transport, {
    src: 'URL parameter feed',
    transport: 'URL parameter transport',
  });
  if (problem) {
    fail('This board cannot start', [problem], where);
    return;
  }
  const noRoster = feedLayoutProblems(layout);
  if (noRoster.length > 0) {
    fail('This board cannot show a feed', noRoster, where);
    return;
  }

  const shown = new URL(feed, location.href);
  shown.search = '';
  shown.hash = '';
  const store = new LiveFeedStore({
    src: feed,
    token,
    transport: transport === 'ws' ? 'ws' : 'sse',
    staleAfterMs: layout.staleAfterSec * 1000,
  });
  let built: BuiltBoard | null = null;
  let running: RunningBoard | null = null;
  let scopeProblems: string[] = [];
  /** The queues (and their SL terms) the board was last built for, and what they are keyed by. */
  let info: RunInfo | null = null;
  let shape = '';
  store.state$.subscribe((state) => {
    status.feed = state;
    if (built) return; // the board's banner shows it from now on
    if (state === 'unauthorized') {
      fail(
        'This board is not authorised for its feed',
        [`URL parameter token: ${store.error ?? 'the server refused it'} (feed ${shown.href})`],
        'Ask for a token of this board (the server’s tokens file), then fix the URL. The board keeps trying.',
      );
    } else if (state === 'connecting') {
      status.state = 'loading';
      renderWaiting(root, 'Connecting to the feed', `Waiting for the first data from ${shown.href}…`);
    }
  });
  // Until the first state: say whether the feed can be reached at all, and how often it was tried
  // (a feed that cannot be reached looked like loading forever). LiveFeedStore keeps a network failure
  // as `connecting` with no reason, so the page asks the address itself once per failed attempt.
  let tried = 0;
  let why: string | null = null;
  const startedAt = Date.now();
  const watch = setInterval(() => {
    if (built || status.state === 'error') {
      clearInterval(watch);
      return;
    }
    const attempts = store.connects;
    if (!store.connected && attempts > 1 && attempts !== tried) {
      tried = attempts;
      void probeFeed(feedUrl(feed, 'sse', { token })).then((answer) => {
        why = answer;
      });
    }
    if (store.state !== 'connecting') return;
    renderWaiting(
      root,
      store.connected || attempts <= 1 ? 'Connecting to the feed' : 'Cannot reach the feed',
      waitingText(shown.href, { connected: store.connected, attempts, why, since: startedAt }),
    );
  }, 1000);
  // Partners and teams the layout names but the feed has not shown (yet): said on the ticker and in
  // status.problems until they appear; checked on each state while any is missing.
  const checkScopes = (snapshot: Snapshot) => {
    const now = checkFeedScopes(layout, Object.keys(snapshot.scopes));
    if (now.join('\n') === scopeProblems.join('\n')) return;
    scopeProblems = now;
    status.problems = now;
    running?.notices(now.map((text) => ({ text: `Layout: ${text}`, level: 'warning' })));
  };
  store.snapshots$.subscribe((snapshot) => {
    status.snapshots++;
    status.simNow = snapshot.t;
    // The queues seen so far (a queue stays once it has appeared), with the latest SL terms of each.
    const next = mergeFeedInfo(info, feedInfo(store, snapshot));
    const center = centerScope(snapshot);
    const nextShape = feedShape(next, center);
    if (built && running && nextShape === shape) {
      if (scopeProblems.length > 0) checkScopes(snapshot);
      return;
    }
    // The first state, or a queue (or a queue's SL terms) the board does not have yet: rare, and the
    // only time the board's DOM is touched (updated in place, see buildBoard).
    info = next;
    shape = nextShape;
    const pages = feedPages(layout, info, center);
    status.info = info;
    status.pages = pages.length;
    built = buildBoard(root, layout, pages, info, store);
    if (running) running.repaged(pages, built);
    else {
      status.problems = [];
      status.state = 'running';
      running = runBoard(root, layout, pages, built, status, info.timeZone);
    }
    status.rebuilds++;
    checkScopes(snapshot);
  });
}

/**
 * The waiting screen's words for a feed that has sent nothing yet: connected and waiting for data, or
 * cannot be reached with the reason the page could find (`why`) and the attempt it is on.
 */
export function waitingText(
  href: string,
  w: { connected: boolean; attempts: number; why: string | null; since: number },
  now = Date.now(),
): string {
  if (w.connected) return `Connected to ${href}, waiting for the first data…`;
  if (w.attempts <= 1) return `Waiting for the first data from ${href}…`;
  const secs = Math.max(0, Math.round((now - w.since) / 1000));
  return `Cannot reach ${href} (${w.why ?? 'no connection'}), retrying…, attempt ${w.attempts} (trying for ${secs} s; the board connects by itself once the server answers)`;
}

/** Why the feed's address gives no stream: its HTTP status, or that nothing answered. */
async function probeFeed(url: string): Promise<string> {
  try {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(5000) });
    return res.ok ? `it answers HTTP ${res.status} but sends no stream` : `HTTP ${res.status}`;
  } catch {
    // The browser does not say which: refused, no such host, down, or an origin the server does not allow.
    return 'connection refused or no answer';
  }
}

/** The pages of a feed board: the layout's, else generated from the feed's queues (those of `queues` if given). */
export function feedPages(layout: Layout, info: Pick<RunInfo, 'queues'>, center: string): PageSpec[] {
  if (layout.pages.length > 0) return paginate(layout.pages);
  const queues = layout.queues ? info.queues.filter((q) => layout.queues!.includes(q.id)) : info.queues;
  return paginate(defaultPages(queues, { center, agents: false }));
}

/**
 * What a feed board is built from, as one string: the center scope, the group's SL terms and each
 * queue with its own. The board is updated when, and only when, this changes.
 */
export function feedShape(info: Pick<RunInfo, 'queues' | 'settings'>, center: string): string {
  const terms = (t: { slTarget: number; slThresholdSec: number }) => `${t.slTarget}/${t.slThresholdSec}`;
  return [center, terms(info.settings), ...info.queues.map((q) => `${q.id}=${terms(q)}`)].join('\n');
}

/**
 * The feed's latest info over what the board had: every queue, team and partner seen so far stays (a
 * feed that loses one, on a reconnection or a server's restart, does not take its tile away), with the
 * latest SL terms of each.
 */
export function mergeFeedInfo(prev: RunInfo | null, next: RunInfo): RunInfo {
  if (!prev) return next;
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();
  const queues = new Map(prev.queues.map((q) => [q.id, q]));
  for (const q of next.queues) queues.set(q.id, q);
  return {
    ...next,
    queues: [...queues.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    teams: union(prev.teams, next.teams),
    partners: union(prev.partners, next.partners),
  };
}

/** A feed carries figures and agent counts, not the agent rows an agent board lists. */
function feedLayoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  layout.pages.forEach((pg, i) => {
    pg.widgets.forEach((w, j) => {
      if (w.type === 'agent-board')
        problems.push(
          `pages[${i}].widgets[${j}].type: agent-board lists agents, which a feed (URL parameter feed) does not carry; show agentsByState figures with a metric instead`,
        );
    });
  });
  return problems;
}

/** The center-wide scope a feed offers: `all`, else a partner's (an outsourcer's token), else a queue. */
function centerScope(snapshot: Snapshot): string {
  const keys = Object.keys(snapshot.scopes);
  if (keys.includes('all')) return 'all';
  return keys.find((k) => k.startsWith('partner:')) ?? keys.find((k) => k.startsWith('queue:')) ?? 'all';
}

/** What the board needs to know about its data, from the feed's first state. */
export function feedInfo(store: Pick<LiveFeedStore, 'settings'>, snapshot: Snapshot): RunInfo {
  const ids = (prefix: string) =>
    Object.keys(snapshot.scopes)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length))
      .sort();
  const settings = { ...store.settings, timeZone: snapshot.timeZone };
  return {
    name: 'feed',
    description: '',
    seed: 0,
    day: 0,
    timeZone: snapshot.timeZone,
    startEpochMs: snapshot.t,
    endEpochMs: snapshot.t,
    // Each queue's own SL terms, as the server judges it (the thresholds follow them).
    queues: ids('queue:').map((id) => {
      const sl = snapshot.scopes[`queue:${id}`]?.sl;
      return {
        id,
        name: id,
        slThresholdSec: sl?.slThresholdSec ?? settings.slThresholdSec,
        slTarget: sl?.slTarget ?? settings.slTarget,
      };
    }),
    teams: ids('team:'),
    partners: ids('partner:'),
    agents: 0,
    settings,
  };
}

/** A running board's handles: set up once, whatever happens to its pages. */
interface RunningBoard {
  /** Sets the board's own notices (problems found while it runs), shown on the ticker before everything else. */
  notices(messages: TickerMessage[]): void;
  /**
   * The board was rendered again in place with these pages (a feed's new queue): rotation, ticker,
   * keys and fitting go on (nothing is set up again), on the same page when it still has its title.
   */
  repaged(pages: PageSpec[], built: BuiltBoard): void;
}

/**
 * Ticker, page rotation, fitting and keys: the same whatever feeds the board. Set up once: a board
 * updated in place (`repaged`) keeps its timers, listeners and observer.
 */
function runBoard(
  root: HTMLElement,
  layout: Layout,
  firstPages: PageSpec[],
  firstBuilt: BuiltBoard,
  status: TvStatus,
  timeZone: string,
): RunningBoard {
  let pages = firstPages;
  let built = firstBuilt;
  // ---- ticker: the board's notices, the layout's messages, then the latest threshold crossings ----
  let notices: TickerMessage[] = [];
  const alerts: TickerMessage[] = [];
  const fixed: TickerMessage[] = layout.ticker.map((m) =>
    typeof m === 'string' ? { text: m, level: 'info' } : m,
  );
  const showTicker = () => {
    const messages = [...notices, ...alerts, ...fixed];
    built.ticker.messages =
      messages.length > 0 ? messages : [{ text: `${layout.title}: service levels live`, level: 'info' }];
  };
  showTicker();
  built.board.addEventListener('wb-threshold-change', (e: WbThresholdChangeEvent) => {
    const el = e.target as HTMLElement & { label?: string };
    if (el.closest('.tv-page-body')?.hasAttribute('hidden')) return; // one message per crossing, from the page on screen
    const label = el.label ?? el.localName;
    const time = status.simNow ? timeOfDay(status.simNow, timeZone) : '';
    const words =
      e.level === 'critical'
        ? 'is critical'
        : e.level === 'warning'
          ? 'needs attention'
          : 'is back to normal';
    alerts.unshift({ text: `${time} ${label} ${words}`, level: e.level === 'ok' ? 'info' : e.level });
    alerts.length = Math.min(alerts.length, MAX_ALERTS);
    showTicker();
  });

  // ---- pages: rotate, fit, keys ----
  const fitShown = async () => {
    const i = status.page;
    await fitPage(built.pages[i]);
    if (status.page === i) status.fitted = i;
  };
  const show = (i: number) => {
    status.page = (i + built.pages.length) % built.pages.length;
    built.pages.forEach((p, k) => {
      p.hidden = k !== status.page;
    });
    built.pageName.textContent = pages[status.page].title;
    root.querySelectorAll('.tv-dots i').forEach((d, k) => {
      d.classList.toggle('on', k === status.page);
    });
    void fitShown();
  };
  show(0);
  let rotation = setInterval(() => show(status.page + 1), layout.rotateSec * 1000);
  const restartRotation = () => {
    clearInterval(rotation);
    rotation = setInterval(() => show(status.page + 1), layout.rotateSec * 1000);
  };
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'PageDown') show(status.page + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') show(status.page - 1);
    else if (e.key === 'f') void document.documentElement.requestFullscreen?.().catch(() => {});
    else return;
    restartRotation();
  });
  new ResizeObserver(() => void fitShown()).observe(document.documentElement);
  return {
    notices: (messages) => {
      notices = messages;
      showTicker();
    },
    repaged: (next, rebuilt) => {
      const title = pages[status.page]?.title;
      const same = next.findIndex((p) => p.title === title);
      pages = next;
      built = rebuilt;
      status.pages = pages.length;
      show(same >= 0 ? same : Math.min(status.page, pages.length - 1));
    },
  };
}

/** The scopes the board's widgets read (only these cross from the worker). */
function scopesOf(pages: PageSpec[], queues: string[]): string[] {
  const scopes = new Set<string>(['all']);
  for (const p of pages) for (const w of p.widgets) scopes.add(widgetScope(w));
  if (pages.some((p) => p.widgets.some((w) => w.type === 'staffing' && !w.queue)))
    scopes.add(`queue:${queues[0]}`);
  return [...scopes];
}

function rowsFor(scope: string, rows: AgentRow[]): AgentRow[] {
  if (scope === 'all') return rows;
  if (scope.startsWith('queue:')) return rows.filter((r) => r.queues?.includes(scope.slice(6)));
  if (scope.startsWith('partner:')) return rows.filter((r) => r.partner === scope.slice(8));
  if (scope.startsWith('team:')) return rows.filter((r) => r.team === scope.slice(5));
  return rows;
}

export type { Layout };
