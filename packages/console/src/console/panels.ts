/**
 * The sidebar: scenario, clock, live controls and export. Every control is a labelled form field; each
 * control group is a form whose submit sends one live control to the simulation.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localDayOf, localTimeOfDay } from '../shared/time.js';
import type { Control, RunInfo } from '../sim/protocol.js';
import { SPEEDS } from '../sim/protocol.js';
import type { ConsoleApp, ConsoleState, Feedback } from './app.js';

/** Small inline icons (no emoji: kiosk machines often lack an emoji font). */
function icon(name: 'play' | 'pause' | 'step') {
  const d = {
    play: 'M4 2l10 6-10 6z',
    pause: 'M3 2h4v12H3zM9 2h4v12H9z',
    step: 'M2 2l8 6-8 6zM11 2h3v12h-3z',
  }[name];
  return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${d} fill="currentColor"></path></svg>`;
}

/** Reads a submitted form; numbers parse strictly (an empty field is undefined, garbage is NaN). */
function fields(e: SubmitEvent) {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  return {
    form,
    text,
    num: (name: string): number | undefined => (text(name) === '' ? undefined : Number(text(name))),
    all: (name: string) => data.getAll(name).map(String),
    action: (e.submitter as HTMLButtonElement | null)?.value ?? '',
  };
}

/** "queue:x" / "team:y" / "partner:z" / "" from the agent selector, as control fields. */
function who(value: string): { queue?: string; team?: string; partner?: string } {
  const i = value.indexOf(':');
  if (i < 0) return {};
  const kind = value.slice(0, i);
  const id = value.slice(i + 1);
  return kind === 'queue'
    ? { queue: id }
    : kind === 'team'
      ? { team: id }
      : kind === 'partner'
        ? { partner: id }
        : {};
}

function queueOptions(info: RunInfo, anyLabel?: string) {
  return html`${anyLabel ? html`<option value="">${anyLabel}</option>` : nothing}${info.queues.map(
    (q) => html`<option value=${q.id}>${q.name}${q.name !== q.id ? ` (${q.id})` : ''}</option>`,
  )}`;
}

function agentSelect(id: string, info: RunInfo) {
  return html`
    <label for=${id}>Which agents</label>
    <select id=${id} name="who">
      <option value="">Any agent</option>
      <optgroup label="Skilled in queue">
        ${info.queues.map((q) => html`<option value=${`queue:${q.id}`}>${q.name}</option>`)}
      </optgroup>
      ${
        info.teams.length > 0
          ? html`<optgroup label="Team">${info.teams.map((t) => html`<option value=${`team:${t}`}>${t}</option>`)}</optgroup>`
          : nothing
      }
      ${
        info.partners.length > 0
          ? html`<optgroup label="Partner">${info.partners.map((p) => html`<option value=${`partner:${p}`}>${p}</option>`)}</optgroup>`
          : nothing
      }
    </select>
  `;
}

/** The scenario's description: three lines and a "Show all" button, or all of it. */
function description(text: string, s: ConsoleState, app: ConsoleApp) {
  const long = text.length > 160;
  const open = s.descriptionOpen || !long;
  return html`
    <p class="hint description ${open ? 'open' : 'clamped'}" id="scenario-description">${text}</p>
    ${
      long
        ? html`<button
          type="button"
          class="link"
          aria-controls="scenario-description"
          aria-expanded=${open ? 'true' : 'false'}
          @click=${() => app.set({ descriptionOpen: !open })}
        >${open ? 'Show less' : 'Show all'}</button>`
        : nothing
    }
  `;
}

export function scenarioPanel(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const picked = s.source.kind === 'builtin' ? s.source.name : '';
  const listing = s.scenarios.find((x) => x.name === picked);
  return html`
    <section class="panel" aria-labelledby="h-scenario">
      <h2 id="h-scenario"><span class="step">1</span> Scenario</h2>
      <form
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void app.start();
        }}
      >
        <label for="scenario">Built-in scenario</label>
        <select id="scenario" @change=${(e: Event) => app.pickBuiltIn((e.target as HTMLSelectElement).value)}>
          ${s.source.kind === 'document' ? html`<option value="" selected>From file: ${s.file?.name}</option>` : nothing}
          ${s.scenarios.map((x) => html`<option value=${x.name} ?selected=${x.name === picked}>${x.name}</option>`)}
        </select>
        ${listing ? description(listing.description, s, app) : nothing}
        <label for="file">Or load a scenario file (JSON)</label>
        <input
          id="file"
          type="file"
          accept=".json,application/json"
          @change=${(e: Event) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void app.loadFile(f);
          }}
        />
        ${s.fileError ? html`<p class="error" role="alert">${s.fileError}</p>` : nothing}
        <div class="row">
          <div class="field">
            <label for="seed">Seed</label>
            <input
              id="seed"
              inputmode="numeric"
              placeholder="scenario's"
              .value=${live(s.seed)}
              @input=${(e: Event) => {
                s.seed = (e.target as HTMLInputElement).value;
              }}
            />
          </div>
          <button class="primary" type="submit" ?disabled=${s.starting}>${s.info ? 'Restart run' : 'Start run'}</button>
        </div>
        ${
          s.problems.length > 0
            ? html`<div class="problems" role="alert">
              <p>The scenario cannot run:</p>
              <ul>${s.problems.map((p) => html`<li><code>${p}</code></li>`)}</ul>
            </div>`
            : nothing
        }
      </form>
    </section>
  `;
}

export function clockPanel(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const c = s.clock;
  const info = s.info;
  const progress =
    c && info
      ? Math.min(1, Math.max(0, (c.now - info.startEpochMs) / (info.endEpochMs - info.startEpochMs)))
      : 0;
  const disabled = !c || c.finished;
  return html`
    <section class="panel" aria-labelledby="h-clock">
      <h2 id="h-clock"><span class="step">2</span> Clock</h2>
      <div class="sim-time" aria-live="off">
        <span class="time" data-testid="sim-time">${c && info ? localTimeOfDay(c.now, info.timeZone) : '--:--:--'}</span>
        <span class="date">${c && info ? localDayOf(c.now, info.timeZone) : ''}</span>
        <span class="state">${!c ? 'not started' : c.finished ? 'run complete' : c.paused ? 'paused' : `running at ${c.speed}×`}</span>
      </div>
      <div
        class="progress"
        role="progressbar"
        aria-label="Simulated day"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(progress * 100)}
      >
        <div style="width:${(progress * 100).toFixed(2)}%"></div>
      </div>
      <div class="row">
        <button type="button" class="primary" id="play" ?disabled=${disabled} aria-keyshortcuts="Space" @click=${() => app.togglePause()}>
          ${c?.paused ? html`${icon('play')} Resume` : html`${icon('pause')} Pause`}
        </button>
        <button type="button" id="step" ?disabled=${disabled} aria-keyshortcuts="." @click=${() => app.step()}>${icon('step')} Step</button>
        <div class="field">
          <label for="speed">Speed</label>
          <select id="speed" @change=${(e: Event) => app.setSpeed(Number((e.target as HTMLSelectElement).value))}>
            ${[...new Set([...SPEEDS, s.speed])]
              .sort((a, b) => a - b)
              .map((v) => html`<option value=${v} ?selected=${v === s.speed}>${v}×</option>`)}
          </select>
        </div>
      </div>
      <form
        class="row jump"
        @submit=${(e: SubmitEvent) => {
          const f = fields(e);
          void app.jumpTo(f.text('at'));
        }}
      >
        <div class="field">
          <label for="jump-at">Jump to (center time)</label>
          <input id="jump-at" name="at" type="time" required ?disabled=${disabled} />
        </div>
        <button type="submit" ?disabled=${disabled}>Jump</button>
      </form>
      <p class="hint">Keys: <kbd>Space</kbd> pause or resume, <kbd>.</kbd> step one event. A jump runs as fast as possible and pauses.</p>
    </section>
  `;
}

/** The form being submitted (its title), while its submit handler runs: what `send` tags its feedback with. */
let submitting: string | undefined;
/** The feedback on screen, for the form it answers (set by controlsPanel before its forms render). */
let shownFeedback: Feedback | null = null;

/**
 * One live control. What it did (or why it was refused) is said inside the form, under its button, as
 * a status (an alert when refused): at the bottom of the panel it was below the fold at 1366x768.
 */
function controlForm(
  title: string,
  open: boolean,
  body: TemplateResult,
  submit: (e: SubmitEvent) => void,
  buttons: TemplateResult,
) {
  const said = shownFeedback?.form === title ? shownFeedback : null;
  const onSubmit = (e: SubmitEvent) => {
    submitting = title;
    try {
      submit(e);
    } finally {
      submitting = undefined;
    }
  };
  return html`
    <details class="control" ?open=${open}>
      <summary>${title}</summary>
      <form @submit=${onSubmit}>
        ${body}
        <div class="actions">${buttons}</div>
        <p class=${said ? `feedback ${said.kind}` : 'form-feedback'} role=${said?.kind === 'error' ? 'alert' : 'status'}>${said?.text ?? ''}</p>
      </form>
    </details>
  `;
}

/** A timed incident on one queue or all: a surge's arrivals or a spike's handle times ×F for N minutes. */
function timedFactorForm(
  info: RunInfo,
  send: (control: Control, words: string) => unknown,
  o: {
    kind: 'surge' | 'aht-spike';
    title: string;
    id: string;
    label: string;
    min: number;
    max: number;
    value: number;
    started: string;
    button: string;
  },
) {
  return controlForm(
    o.title,
    false,
    html`
      <div class="row">
        <div class="field"><label for="${o.id}-factor">${o.label}</label><input id="${o.id}-factor" name="factor" type="number" min=${o.min} max=${o.max} step="0.1" value=${o.value} required /></div>
        <div class="field"><label for="${o.id}-min">For (min)</label><input id="${o.id}-min" name="minutes" type="number" min="1" max="1440" value="30" required /></div>
      </div>
      <label for="${o.id}-queue">Queue</label><select id="${o.id}-queue" name="queue">${queueOptions(info, 'All queues')}</select>
    `,
    (e) => {
      const f = fields(e);
      void send(
        {
          kind: o.kind,
          factor: f.num('factor') ?? Number.NaN,
          minutes: f.num('minutes') ?? Number.NaN,
          queue: f.text('queue') || undefined,
        },
        o.started,
      );
    },
    html`<button type="submit">${o.button}</button>`,
  );
}

export function controlsPanel(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const info = s.info;
  const running = !!s.clock && !s.clock.finished;
  const send = (control: Control, words: string) => app.control(control, words, submitting);
  shownFeedback = s.feedback;
  const firstQueue = info?.queues[0]?.id ?? '';
  const focusQueue = s.scope.startsWith('queue:') ? s.scope.slice(6) : firstQueue;
  // Shift ends: the scenario's, or agents added for N minutes.
  const canExtend =
    !!info?.shiftEnds ||
    s.timeline.some((e) => e.control === 'add-agents' && typeof e.params.forMin === 'number');
  if (!info) {
    return html`<section class="panel" aria-labelledby="h-controls"><h2 id="h-controls"><span class="step">3</span> Live controls</h2><p class="hint">Start a run to change it live.</p></section>`;
  }
  return html`
    <section class="panel" aria-labelledby="h-controls">
      <h2 id="h-controls"><span class="step">3</span> Live controls</h2>
      <fieldset class="controls" ?disabled=${!running}>
      ${controlForm(
        'Add agents',
        true,
        html`
          <div class="row">
            <div class="field"><label for="add-count">Number of agents</label><input id="add-count" name="count" type="number" min="1" max="10000" value="10" required /></div>
            <div class="field"><label for="add-for">For (min)</label><input id="add-for" name="forMin" type="number" min="1" placeholder="to the end" /></div>
          </div>
          <fieldset class="skills">
            <legend>Skills (in order of preference)</legend>
            ${info.queues.map(
              (q) =>
                html`<label class="check"><input type="checkbox" name="skills" value=${q.id} ?checked=${q.id === focusQueue} />${q.name}</label>`,
            )}
          </fieldset>
        `,
        (e) => {
          const f = fields(e);
          const skills = f.all('skills');
          if (skills.length === 0) {
            app.set({
              feedback: {
                text: 'Tick at least one queue for the new agents.',
                kind: 'error',
                form: submitting,
              },
            });
            return;
          }
          void send(
            { kind: 'add-agents', count: f.num('count') ?? Number.NaN, skills, forMin: f.num('forMin') },
            'Added agents',
          );
        },
        html`<button type="submit" class="primary" id="add-agents">Add agents</button>`,
      )}
      ${controlForm(
        'Remove agents',
        false,
        html`
          <label for="rm-count">Agents to remove</label><input id="rm-count" name="count" type="number" min="1" max="10000" value="5" required />
          ${agentSelect('rm-who', info)}
          <p class="hint">They leave for good: idle ones first, busy ones after their call.</p>
        `,
        (e) => {
          const f = fields(e);
          void send(
            { kind: 'remove-agents', count: f.num('count') ?? Number.NaN, ...who(f.text('who')) },
            'Removed agents',
          );
        },
        html`<button type="submit" id="remove-agents">Remove agents</button>`,
      )}
      ${controlForm(
        'Arrival rate',
        true,
        html`
          <div class="row">
            <div class="field"><label for="af-factor">Factor (1 = as planned)</label><input id="af-factor" name="factor" type="number" min="0" max="100" step="0.1" value="1.5" required /></div>
            <div class="field"><label for="af-queue">Queue</label><select id="af-queue" name="queue">${queueOptions(info, 'All queues')}</select></div>
          </div>
        `,
        (e) => {
          const f = fields(e);
          const queue = f.text('queue') || undefined;
          void send(
            { kind: 'set-arrival-factor', factor: f.num('factor') ?? Number.NaN, queue },
            'Arrival rate changed',
          );
        },
        html`<button type="submit">Set arrival rate</button>`,
      )}
      ${timedFactorForm(info, send, {
        kind: 'surge',
        title: 'Incident: surge',
        id: 'surge',
        label: 'Arrivals ×',
        min: 0,
        max: 100,
        value: 2,
        started: 'Surge started',
        button: 'Start surge',
      })}
      ${controlForm(
        'Incident: outage',
        false,
        html`
          <label for="out-min">Agents drop off for (min)</label><input id="out-min" name="minutes" type="number" min="1" max="1440" value="20" required />
          ${agentSelect('out-who', info)}
          <p class="hint">Every working agent of the choice goes off the phones (busy ones after their call) and comes back when it ends.</p>
        `,
        (e) => {
          const f = fields(e);
          void send(
            { kind: 'outage', minutes: f.num('minutes') ?? Number.NaN, ...who(f.text('who')) },
            'Outage started',
          );
        },
        html`<button type="submit">Start outage</button>`,
      )}
      ${timedFactorForm(info, send, {
        kind: 'aht-spike',
        title: 'Incident: handle-time spike',
        id: 'aht',
        label: 'Handle time ×',
        min: 0.1,
        max: 10,
        value: 1.5,
        started: 'Handle-time spike started',
        button: 'Start spike',
      })}
      ${controlForm(
        'Breaks',
        false,
        html`
          <div class="row">
            <div class="field"><label for="brk-count">Agents to send</label><input id="brk-count" name="count" type="number" min="1" value="3" required /></div>
            <div class="field"><label for="brk-min">Minutes</label><input id="brk-min" name="minutes" type="number" min="1" max="1440" value="15" required /></div>
          </div>
          ${agentSelect('brk-who', info)}
        `,
        (e) => {
          const f = fields(e);
          void send(
            {
              kind: 'send-on-break',
              count: f.num('count') ?? Number.NaN,
              minutes: f.num('minutes') ?? Number.NaN,
              ...who(f.text('who')),
            },
            'Agents sent on break',
          );
        },
        html`<button type="submit">Send on break</button>`,
      )}
      ${controlForm(
        'Overflow rule',
        false,
        info.queues.length < 2
          ? html`<p class="hint">Overflow needs a second queue to send calls to; this scenario has one.</p>`
          : html`
            <div class="row">
              <div class="field"><label for="ov-from">From queue</label><select id="ov-from" name="queue">${queueOptions(info)}</select></div>
              <div class="field"><label for="ov-to">To queue</label><select id="ov-to" name="to">${info.queues
                .slice()
                .reverse()
                .map((q) => html`<option value=${q.id}>${q.name}</option>`)}</select></div>
            </div>
            <div class="row">
              <div class="field"><label for="ov-after">After waiting (s)</label><input id="ov-after" name="afterSec" type="number" min="0" value="60" /></div>
              <div class="field"><label for="ov-max">Or when waiting &gt;</label><input id="ov-max" name="maxWaiting" type="number" min="0" placeholder="no limit" /></div>
            </div>
          `,
        (e) => {
          const f = fields(e);
          const queue = f.text('queue');
          if (f.action === 'clear') {
            void send({ kind: 'set-overflow', queue, rule: null }, 'Overflow rule cleared');
            return;
          }
          void send(
            {
              kind: 'set-overflow',
              queue,
              rule: {
                to: f.text('to'),
                afterSec: f.num('afterSec') ?? null,
                maxWaiting: f.num('maxWaiting') ?? null,
              },
            },
            'Overflow rule set',
          );
        },
        info.queues.length < 2
          ? html``
          : html`<button type="submit" value="set">Set rule</button><button type="submit" value="clear">Clear rule</button>`,
      )}
      ${controlForm(
        'Extend shifts',
        false,
        html`
          <label for="ext-min">Stay longer by (min)</label><input id="ext-min" name="minutes" type="number" min="1" value="30" required />
          ${agentSelect('ext-who', info)}
          ${
            canExtend
              ? nothing
              : html`<p class="hint" id="ext-why">No agent of this scenario has a shift end: everyone works to the end of the run, so there is nothing to extend.</p>`
          }
        `,
        (e) => {
          const f = fields(e);
          void send(
            { kind: 'extend-shifts', minutes: f.num('minutes') ?? Number.NaN, ...who(f.text('who')) },
            'Shifts extended',
          );
        },
        html`<button type="submit" ?disabled=${!canExtend} aria-describedby=${canExtend ? nothing : 'ext-why'}>Extend shifts</button>`,
      )}
      </fieldset>
      ${
        s.feedback && !s.feedback.form
          ? html`<p class="feedback ${s.feedback.kind}" role=${s.feedback.kind === 'error' ? 'alert' : 'status'}>${s.feedback.text}</p>`
          : html`<p class=${s.feedback ? 'form-feedback' : 'feedback'} role="status"></p>`
      }
    </section>
  `;
}

export function exportPanel(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const none = !s.info;
  return html`
    <section class="panel" aria-labelledby="h-export">
      <h2 id="h-export"><span class="step">4</span> Export the run</h2>
      <div class="row">
        <button type="button" id="export-csv" ?disabled=${none} @click=${() => app.exportCsv()}>Intervals (CSV)</button>
        <button type="button" id="export-ndjson" ?disabled=${none} @click=${() => app.exportNdjson()}>Events (NDJSON)</button>
      </div>
    </section>
  `;
}
