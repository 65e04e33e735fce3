/**
 * `<sb-scenario-board>`: a `wb-board` bound to a built-in scenario running in the page. It owns the run:
 * starts it when connected or when its settings change, stops the simulator and disposes the engine when
 * the story goes away. The board and widgets render in light DOM, as on a real page.
 */
import type { TickerMessage, WbBoard } from '@wallboard/widgets';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { type ScenarioRun, startScenario } from './scenario-run.js';

/** A board this wide shows every queue; bigger floors show the busiest first few and say so. */
const MAX_TILES = 12;
/** Staffing advice cards for the first few queues. */
const MAX_STAFFING = 2;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
function floorSummary(queues: number, agents: number): string {
  const more = queues > MAX_TILES ? `; tiles for the first ${MAX_TILES} queues` : '';
  return `${plural(queues, 'queue')}, ${plural(agents, 'agent')}${more}`;
}

export class SbScenarioBoard extends LitElement {
  static override properties = {
    scenario: {},
    seed: { type: Number },
    speed: { type: Number },
    atMin: { type: Number, attribute: 'at-min' },
    fromMin: { type: Number, attribute: 'from-min' },
    paused: { type: Boolean },
    messages: { state: true },
    error: { state: true },
  };

  scenario = 'steady-day';
  seed?: number;
  speed = 60;
  /** Fixed moment (minutes from the start); undefined runs live. */
  atMin?: number;
  /** Live: start this many minutes into the day. */
  fromMin?: number;
  /** Live: start paused. */
  paused = false;
  messages: TickerMessage[] = [];
  error = '';
  #run: ScenarioRun | undefined;

  /** The running simulation (for tests: its engine, its independent SL tally). */
  get run(): ScenarioRun | undefined {
    return this.#run;
  }

  get board(): WbBoard | null {
    return this.querySelector('wb-board');
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a story switch: start again from the same settings.
    if (!this.#run && this.hasUpdated) this.#restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.#run ||
      changed.has('scenario') ||
      changed.has('seed') ||
      changed.has('speed') ||
      changed.has('atMin')
    ) {
      this.#restart();
    }
  }

  #restart(): void {
    this.#stop();
    this.messages = [];
    this.error = '';
    try {
      this.#run = startScenario({
        scenario: this.scenario,
        seed: this.seed,
        speed: this.speed,
        atMin: this.atMin,
        fromMin: this.fromMin,
        paused: this.paused,
        onControl: (messages) => {
          this.messages = messages;
        },
      });
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  #stop(): void {
    this.#run?.stop();
    this.#run = undefined;
  }

  protected override render() {
    if (this.error) return html`<p role="alert" style="color:var(--wb-color-on-surface)">${this.error}</p>`;
    const run = this.#run;
    if (!run) return nothing;
    const { model } = run;
    const partners = [...new Set(model.queues.flatMap((q) => (q.partner ? [q.partner] : [])))];
    const queues = model.queues.slice(0, MAX_TILES);
    const when = run.live
      ? `${this.paused ? 'paused' : 'live'} at ${this.speed}×`
      : `at ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: model.timeZone }).format(model.startEpochMs + this.atMin! * 60_000)}`;
    // A fixed moment never sends another snapshot: keep its board from going stale while it is looked at.
    const staleAfter = run.live ? 10 : 86_400;
    // The ticker takes a full row with `grid-column: 1 / -1`: `data-span="4"` would force four columns
    // on a board narrower than that (a docs page) and overflow it.
    return html`
      <wb-board .store=${run.engine} label=${`${this.scenario} · seed ${model.seed} · ${when}`} stale-after=${staleAfter}>
        <wb-sl-gauge scope="all" label="Service level today" critical="0.6"></wb-sl-gauge>
        ${partners.map((p) => html`<wb-sl-gauge scope=${`partner:${p}`} label=${`Partner ${p}`} critical="0.6"></wb-sl-gauge>`)}
        <wb-metric metric="interval.serviceLevel" label="SL this interval" direction="below" warn="0.8" critical="0.6"></wb-metric>
        <wb-metric metric="waiting" label="Calls waiting" unit="calls" warn="5" critical="15"></wb-metric>
        <wb-metric metric="interval.asaSec" label="ASA this interval" warn="20" critical="60"></wb-metric>
        <wb-metric metric="abandonRate" label="Abandon rate today" warn="0.05" critical="0.1"></wb-metric>
        <wb-metric metric="occupancy" label="Occupancy today" warn="0.9" critical="0.95"></wb-metric>
        <wb-metric metric="staffedAgents" label="Agents staffed" unit="agents"></wb-metric>
        <wb-clock label="Center time" ?seconds=${run.live}></wb-clock>
        <wb-interval-chart scope="all" data-span="2" label="Calls and service level by interval" critical="0.6"></wb-interval-chart>
        <wb-abandon-chart scope="all" data-span="2" label="Abandons by interval" critical="0.1"></wb-abandon-chart>
        <wb-agent-board scope="all" data-span="2" label="Agents by state" warn="2" critical="1"></wb-agent-board>
        ${queues.slice(0, MAX_STAFFING).map((q) => html`<wb-staffing queue=${q.id} label=${`${q.name} staffing`} critical="-3"></wb-staffing>`)}
        ${queues.map(
          (q) =>
            html`<wb-queue-tile queue=${q.id} label=${q.name} critical="0.6" wait-warn-sec="60" wait-critical-sec="180"></wb-queue-tile>`,
        )}
        <wb-ticker style="grid-column: 1 / -1" label="Floor log" ?static=${!run.live}
          .messages=${
            this.messages.length
              ? this.messages
              : [{ text: floorSummary(model.queues.length, model.agents.length) }]
          }></wb-ticker>
      </wb-board>
    `;
  }
}

if (!customElements.get('sb-scenario-board')) customElements.define('sb-scenario-board', SbScenarioBoard);

declare global {
  interface HTMLElementTagNameMap {
    'sb-scenario-board': SbScenarioBoard;
  }
}
