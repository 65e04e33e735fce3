/**
 * The stories of one built-in scenario: `Live` (the paced simulator, for people; never a test, since
 * what it shows depends on the wall clock) and a fixed moment (the virtual clock run to a set minute,
 * with the scenario's seed: the same board every time, checked against an independent count).
 * `scenarioStories` makes both; a story file adds what Storybook reads from its text without running
 * it: the title, the story names and the tags.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { builtInScenario, DEFAULT_START, listScenarios, parseClock } from '@wallboard/simulator';
import type { WbQueueTile } from '@wallboard/widgets';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import './scenario-board.js';
import type { SbScenarioBoard } from './scenario-board.js';
import { SHOW_STORY_SOURCE } from './snippet.js';

export interface ScenarioArgs {
  scenario: string;
  /** Empty: the scenario's own seed. */
  seed?: number;
  speed: number;
  atMin?: number;
  fromMin?: number;
  paused?: boolean;
}

export type ScenarioStory = StoryObj<ScenarioArgs>;

/** How long before the moment worth seeing the `Live` story starts. */
const LEAD_MIN = 20;

/**
 * The stories of the built-in `scenario` at the local clock time `at` ("11:10"): `meta`, all of the
 * file's meta but its title; `live`, the simulator paced from `LEAD_MIN` minutes before `at`; `moment`,
 * the board at `at` with the scenario's seed, tested by `boardMatchesEvents`.
 */
export function scenarioStories(scenario: string, at: string) {
  const atMin = minutesAfterStart(scenario, at);
  const description = (story: string) => ({ docs: { description: { story } } });
  const live: ScenarioStory = {
    args: { fromMin: atMin - LEAD_MIN },
    parameters: description(
      `The simulator paced at \`speed\` x wall clock, from ${at} less ${LEAD_MIN} minutes. Not a test: what it shows depends on timing.`,
    ),
  };
  const moment: ScenarioStory = {
    ...momentStory(atMin),
    parameters: description(`${at}, with the scenario's seed: the same board every time.`),
  };
  return { meta: scenarioMeta(scenario), live, moment };
}

/** Minutes from the scenario's `start` to the clock time `at` on its first day. */
function minutesAfterStart(scenario: string, at: string): number {
  // A scenario without its own start begins at the simulator's default, as it does when run.
  const start = (builtInScenario(scenario) as { start?: string } | undefined)?.start ?? DEFAULT_START;
  const startSec = parseClock(start.slice(start.indexOf('T') + 1));
  const atSec = parseClock(at);
  if (startSec === null || atSec === null || atSec - LEAD_MIN * 60 < startSec)
    throw new Error(
      `scenario ${scenario} (start ${start}): ${at} is not a time at least ${LEAD_MIN} min into it`,
    );
  return (atSec - startSec) / 60;
}

/** Everything of a scenario's meta but its `title`, which Storybook needs written out in the file. */
function scenarioMeta(scenario: string): Omit<Meta<ScenarioArgs>, 'title'> {
  const description = listScenarios().find((s) => s.name === scenario)?.description ?? '';
  return {
    args: { scenario, speed: 60 },
    argTypes: {
      scenario: { control: false },
      seed: {
        control: { type: 'number' },
        description: "Random seed; empty for the scenario's own. The same seed is the same day.",
      },
      speed: {
        control: { type: 'select' },
        options: [1, 10, 60, 120, 600],
        description: 'Live pace: simulated seconds per wall second.',
      },
      atMin: {
        control: { type: 'number' },
        description: 'Minutes after the start to simulate at once (a fixed board); empty runs live.',
      },
    },
    parameters: {
      ...SHOW_STORY_SOURCE,
      docs: { ...SHOW_STORY_SOURCE.docs, description: { component: description } },
    },
    render: (args) =>
      html`<sb-scenario-board scenario=${args.scenario} .seed=${args.seed} .speed=${args.speed} .atMin=${args.atMin} .fromMin=${args.fromMin} ?paused=${args.paused}></sb-scenario-board>`,
  };
}

/**
 * The board `atMin` minutes into the day. Its test checks that every queue tile shows the service level
 * counted independently from the simulator's events, and that the board is fresh.
 */
const momentStory = (atMin: number): ScenarioStory => ({ args: { atMin }, play: boardMatchesEvents });

/**
 * Every queue tile shows the SL counted independently from the events the engine was given, the board
 * is fresh, and the engine rejected none of the simulator's events.
 */
export async function boardMatchesEvents({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const host = canvasElement.querySelector<SbScenarioBoard>('sb-scenario-board')!;
  await expect(host.error).toBe('');
  const run = host.run!;
  await waitFor(() => expect(run.events()).toBeGreaterThan(0));
  const tiles = [...canvasElement.querySelectorAll<WbQueueTile>('wb-queue-tile')];
  await expect(tiles.length).toBeGreaterThan(0);
  for (const tile of tiles) {
    const expected = run.tally.serviceLevel(tile.queue!);
    await waitFor(() =>
      expected === null
        ? expect(tile.serviceLevel).toBeNull()
        : expect(tile.serviceLevel).toBeCloseTo(expected, 9),
    );
  }
  await expect(host.board!.stale).toBe(false);
  // Every event the simulator emits is valid: the engine rejected none.
  await expect(run.engine.diagnostics().reasons).toEqual({});
}
