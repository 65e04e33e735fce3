/**
 * The stories of one built-in scenario: `Live` (the paced simulator, for people; never a test, since
 * what it shows depends on the wall clock) and a fixed moment (the virtual clock run to a set minute,
 * with the scenario's seed: the same board every time, checked against an independent count).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { listScenarios } from '@wallboard/simulator';
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

/** Everything of a scenario's meta but its `title`, which Storybook needs written out in the file. */
export function scenarioMeta(scenario: string): Omit<Meta<ScenarioArgs>, 'title'> {
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
export const momentStory = (atMin: number): ScenarioStory => ({ args: { atMin }, play: boardMatchesEvents });

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
