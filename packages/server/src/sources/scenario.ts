/**
 * A simulator scenario (a built-in name or a JSON file) paced at `speed` times the wall clock: the
 * engine's clock is the simulation's, so a trainer's board and a load test see simulated time. `skipMs`
 * runs the start of the day as fast as possible first (its events still reach the engine), to begin at
 * the interesting hour.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BUILT_IN_NAMES, builtInScenario, loadScenario, SimulationSession } from '@wallboard/simulator';
import type { Subscription } from 'rxjs';
import { type EventSink, type Source, SourceCounters, type SourceStatus } from './source.js';

export class ScenarioError extends Error {}

/** Reads a scenario argument: a JSON file, else a built-in name. Throws ScenarioError listing problems. */
export async function loadScenarioArg(arg: string, seed?: number) {
  let doc: unknown;
  if (existsSync(arg)) {
    let text: string;
    try {
      text = await readFile(arg, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'EISDIR'
          ? 'it is a directory (give a scenario JSON file or a built-in name)'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message;
      throw new ScenarioError(`cannot read scenario "${arg}": ${why}`);
    }
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new ScenarioError(`${arg} is not valid JSON: ${(err as Error).message}`);
    }
  } else {
    doc = builtInScenario(arg);
    if (doc === undefined)
      throw new ScenarioError(
        `no scenario file or built-in scenario named "${arg}" (built-ins: ${BUILT_IN_NAMES.join(', ')})`,
      );
  }
  const loaded = loadScenario(doc, { seed });
  if (!loaded.ok) {
    throw new ScenarioError(
      `${arg} is not a valid scenario:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return loaded;
}

export class ScenarioSource implements Source {
  private readonly counters: SourceCounters;
  private session: SimulationSession | undefined;
  private sub: Subscription | undefined;
  private delivered = false;

  constructor(
    private readonly loaded: Awaited<ReturnType<typeof loadScenarioArg>>,
    name: string,
    private readonly options: { speed: number; skipMs?: number },
  ) {
    this.counters = new SourceCounters('scenario', name);
  }

  /** The scenario's time zone (the engine's default zone under it). */
  get timeZone(): string {
    return this.loaded.model.timeZone;
  }

  get status(): SourceStatus {
    return this.counters.status;
  }

  clock(): number {
    // Not before the first batch is out: the engine must not move past events it has yet to see (the
    // skipped hours reach it with the first paced tick).
    return this.session && this.delivered ? this.session.sim.nowEpochMs : Number.NaN;
  }

  async start(sink: EventSink, onEnd?: () => void): Promise<void> {
    this.counters.onEnd = onEnd;
    const session = new SimulationSession(this.loaded.model, {
      names: this.loaded.names,
      speed: this.options.speed,
    });
    this.session = session;
    const c = this.counters;
    this.sub = session.batches$.subscribe({
      next: (batch) => {
        c.status.events += batch.length;
        c.status.lines += batch.length;
        sink(batch);
        this.delivered = true;
      },
      complete: () => c.end('scenario finished'),
    });
    c.status.alive = true;
    if (this.options.skipMs) {
      // Run the skipped part at once; its events go out with the first paced tick.
      session.sim.runUntil(this.options.skipMs);
    }
    session.start();
  }

  async stop(): Promise<void> {
    this.sub?.unsubscribe();
    this.session?.stop();
    if (this.counters.status.alive) this.counters.end('stopped');
  }
}
