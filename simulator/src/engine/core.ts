/**
 * The discrete-event core: the calendar loop and the life of calls and agents. All state lives in typed
 * arrays indexed by call slot, agent or queue, so the loop allocates nothing except the event objects it
 * emits (and with no sink, not even those).
 *
 * Routing: an arriving call goes to the longest-idle available agent skilled in its queue (each queue keeps
 * an intrusive list of its idle agents in the order they became idle); with none it waits, FIFO. An agent
 * who becomes free takes the head of the highest-priority queue among its skills, ties going to the
 * earlier skill in the agent's preference order. So a call never waits while a qualified agent is idle.
 *
 * Time is in milliseconds from the run start (doubles); events carry epoch ms rounded to the millisecond.
 * Incidents, controls and summaries live in simulation.ts, on top of this class.
 */

import type { Model } from './model.js';
import { callStream } from './rng.js';
import { type EventSink, type QueueRuntime, SimState } from './state.js';
import * as St from './stats.js';
import {
  AF_PENDING_LOGOFF,
  C_TALKING,
  C_WAITING,
  CF_MEASURED,
  CF_PATIENCE,
  K_ABANDON,
  K_ACW_END,
  K_ARRIVAL,
  K_BITS,
  K_BREAK_END,
  K_BREAK_START,
  K_CALL_END,
  K_INCIDENT,
  K_INCIDENT_END,
  K_MASK,
  K_OVERFLOW,
  K_RATE_CHANGE,
  K_SHIFT_END,
  K_SHIFT_START,
  K_WARMUP,
  S_ACW,
  S_AVAILABLE,
  S_BREAK,
  S_ONCALL,
} from './storage.js';

export type { EventSink, QueueRuntime };

export abstract class SimulationCore extends SimState {
  protected constructor(model: Model, queueRuntimes: QueueRuntime[], sink: EventSink | null, endMs: number) {
    super(model, queueRuntimes, sink, endMs);
    model.queues.forEach((q, i) => {
      if (q.overflow) this.applyOverflowRule(i, q.overflow.to, q.overflow.afterSec, q.overflow.maxWaiting);
    });
  }

  // ---- the loop ---------------------------------------------------------------------------------------

  /** Runs every event up to `limitMs` (capped at the end); returns the number of calendar events run. */
  runUntil(limitMs: number): number {
    const limit = Math.min(limitMs, this.endMs);
    const heap = this.heap;
    let n = 0;
    while (heap.popUntil(limit)) {
      this.now = heap.topTime;
      this.dispatch(heap.topA, heap.topB);
      n++;
    }
    if (limit > this.now) this.now = limit;
    return n;
  }

  /** Runs every event at the next event time (a single step of the paced clock); false when none is left. */
  stepOnce(): boolean {
    const t = this.heap.peekTime();
    if (!(t <= this.endMs)) {
      this.now = this.endMs;
      return false;
    }
    this.runUntil(t);
    return true;
  }

  get finished(): boolean {
    return this.now >= this.endMs;
  }

  /** Simulated time as epoch ms (what events carry). */
  get nowEpochMs(): number {
    return this.epochMs + Math.round(this.now);
  }

  private dispatch(a: number, b: number): void {
    const id = a >> K_BITS;
    switch (a & K_MASK) {
      case K_ARRIVAL:
        if (b === this.qArrivalGen[id]) this.onArrival(id);
        break;
      case K_CALL_END:
        if (b === this.aStamp[id]) this.onCallEnd(id);
        break;
      case K_ABANDON:
        if (b === this.cStamp[id] && this.cState[id] === C_WAITING) this.onAbandon(id);
        break;
      case K_ACW_END:
        if (b === this.aStamp[id]) this.agentFree(id);
        break;
      case K_OVERFLOW:
        if (b === this.cVisit[id] && this.cState[id] === C_WAITING) this.onOverflowTimer(id);
        break;
      case K_RATE_CHANGE:
        if (b === this.qArrivalGen[id]) this.scheduleArrival(id);
        break;
      case K_SHIFT_START:
        this.onShiftStart(id);
        break;
      case K_SHIFT_END:
        if (b === this.aShiftStamp[id]) this.onShiftEnd(id);
        break;
      case K_BREAK_START:
        this.onBreakStart(id, b);
        break;
      case K_BREAK_END:
        if (b === this.aStamp[id] && this.aState[id] === S_BREAK) this.comeBack(id);
        break;
      case K_INCIDENT:
        this.onIncident(id, true);
        break;
      case K_INCIDENT_END:
        this.onIncident(id, false);
        break;
      case K_WARMUP:
        this.restateAgents();
        break;
    }
  }

  /** Incident `i` starts (`start`) or its duration is over. */
  protected abstract onIncident(i: number, start: boolean): void;

  // The roster (roster.ts): shifts, breaks and log-offs, rare next to calls.
  protected abstract onShiftStart(a: number): void;
  protected abstract onShiftEnd(a: number): void;
  protected abstract onBreakStart(a: number, i: number): void;
  protected abstract restateAgents(): void;
  protected abstract startBreak(agent: number, durationMs: number, reason: string): void;
  protected abstract goOffline(agent: number, reason: string): void;

  // ---- arrivals -----------------------------------------------------------------------------------------

  /**
   * Draws queue q's next arrival from now. Rates are piecewise constant (intraday profile times the
   * arrival factor), so the process is exactly non-homogeneous Poisson: within a piece the gap is
   * exponential; if it would cross the piece's end, memorylessness lets us restart at the boundary.
   */
  protected scheduleArrival(q: number): void {
    const rt = this.qRt[q];
    const now = this.now;
    const piece = rt.pieceMs === Number.POSITIVE_INFINITY ? 0 : Math.floor(now / rt.pieceMs);
    const rates = rt.ratesPerMs;
    const rate = piece < rates.length ? rates[piece] * this.qFactor[q] * this.qSurge[q] : 0;
    const end = piece < rates.length ? (piece + 1) * rt.pieceMs : Number.POSITIVE_INFINITY;
    if (rate > 0) {
      const t = now - Math.log(rt.arrivalsRng.uniform()) / rate;
      if (t < end) {
        this.schedule(t, K_ARRIVAL, q, this.qArrivalGen[q]);
        return;
      }
    }
    if (end < this.endMs) this.schedule(end, K_RATE_CHANGE, q, this.qArrivalGen[q]);
  }

  /** The arrival rate of q changed now: forget the pending arrival and draw again (memoryless). */
  protected rateChanged(q: number): void {
    this.qArrivalGen[q] = (this.qArrivalGen[q] + 1) | 0;
    this.scheduleArrival(q);
  }

  private onArrival(q: number): void {
    this.scheduleArrival(q);
    const s = this.allocCall();
    const now = this.now;
    const no = ++this.callCount;
    this.cNo[s] = no;
    this.cArrive[s] = now;
    this.cFirstQueue[s] = q;
    this.cAgent[s] = -1;
    this.stamp = (this.stamp + 1) | 0;
    this.cStamp[s] = this.stamp;
    const measured = now >= this.warmupMs;
    this.cFlags[s] = measured ? CF_MEASURED : 0;
    if (measured) this.stats.call[St.C_OFFERED]++;
    if (this.sink !== null) this.cId[s] = `c${no}`;
    this.drawAttributes(s, q, now);
    this.offer(s, q);
  }

  /**
   * The caller's attributes, all drawn now from the arrival queue's stream for each purpose, whether or not
   * they will be needed: so arrival i of a queue gets the same patience, handle time, hold, ACW and survey
   * answer in every run of the seed, however staffing, breaks or interventions differ (common random
   * numbers; a draw made only when a call waits or is answered would shift every later caller's).
   */
  private drawAttributes(s: number, q: number, now: number): void {
    const rt = this.qRt[q];
    this.cPatienceAt[s] =
      rt.patience === null ? Number.POSITIVE_INFINITY : now + rt.patience.sample(rt.patienceRng);
    this.cHandleMs[s] = rt.handle.sample(rt.handleRng);
    let hold = 0;
    if (rt.hold !== null && rt.holdRng.uniform() < rt.holdProbability)
      hold = Math.round(rt.hold.sample(rt.holdRng));
    this.cHoldMs[s] = hold;
    this.cAcwMs[s] = rt.acw === null ? 0 : rt.acw.sample(rt.acwRng);
    if (this.anySurvey) {
      const rng = rt.surveyRng;
      this.cSurveyU[s] = rng.uniform();
      // Box-Muller (one normal per caller keeps the stream's use per call fixed).
      this.cSurveyZ[s] = Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
    }
  }

  /**
   * Call s is answered in q, not the queue it arrived at: q's handle, hold and ACW apply, drawn from a
   * stream of this call's own in q (callStream), so they too do not depend on what other calls did.
   */
  private drawInQueue(s: number, q: number): void {
    const rt = this.qRt[q];
    const rng = this.callRng;
    rng.reseed(this.seed, callStream(q, this.cNo[s]));
    this.cHandleMs[s] = rt.handle.sample(rng);
    let hold = 0;
    if (rt.hold !== null && rng.uniform() < rt.holdProbability) hold = Math.round(rt.hold.sample(rng));
    this.cHoldMs[s] = hold;
    this.cAcwMs[s] = rt.acw === null ? 0 : rt.acw.sample(rng);
  }

  // ---- calls --------------------------------------------------------------------------------------------

  /** Call s enters queue q: an idle agent answers it, or it overflows at once, or it waits. */
  private offer(s: number, q: number): void {
    const now = this.now;
    this.cQueue[s] = q;
    this.cQueuedAt[s] = now;
    this.cState[s] = C_WAITING;
    const measured = (this.cFlags[s] & CF_MEASURED) !== 0;
    if (measured) {
      this.stats.queue[q * St.Q_FIELDS + St.Q_OFFERED]++;
      if (q !== this.cFirstQueue[s]) this.stats.queue[q * St.Q_FIELDS + St.Q_IN_OFFERED]++;
    }
    if (this.sink !== null) {
      this.emit(
        {
          type: 'call.queued',
          t: this.epochMs + Math.round(now),
          call: this.cId[s],
          queue: this.queueIds[q],
          partner: this.qPartner[q],
          priority: this.qPriority[q],
        },
        measured,
      );
    }
    const m = this.qIdleHead[q];
    if (m >= 0) {
      if (measured && this.cArrive[s] === now) this.stats.call[St.C_IMMEDIATE]++;
      this.answer(s, this.mAgent[m], q);
      return;
    }
    const max = this.qOverflowMax[q];
    if (max >= 0 && this.qLen[q] >= max && this.qOverflowTo[q] >= 0) {
      this.overflow(s, q);
      return;
    }
    // Wait: append to the queue's FIFO.
    const tail = this.qTail[q];
    this.cPrev[s] = tail;
    this.cNext[s] = -1;
    if (tail >= 0) this.cNext[tail] = s;
    else this.qHead[q] = s;
    this.qTail[q] = s;
    this.qLen[q]++;
    this.visitSeq = (this.visitSeq + 1) | 0;
    this.cVisit[s] = this.visitSeq;
    if (measured) this.stats.queue[q * St.Q_FIELDS + St.Q_WAITED]++;
    const after = this.qOverflowAfterMs[q];
    if (after !== Number.POSITIVE_INFINITY) this.schedule(now + after, K_OVERFLOW, s, this.visitSeq);
    if ((this.cFlags[s] & CF_PATIENCE) === 0) {
      // Patience belongs to the caller (drawn at arrival, counted from it): its timer is set when it first waits.
      this.cFlags[s] |= CF_PATIENCE;
      const deadline = this.cPatienceAt[s];
      if (deadline !== Number.POSITIVE_INFINITY)
        this.schedule(Math.max(deadline, now), K_ABANDON, s, this.cStamp[s]);
    }
  }

  private onAbandon(s: number): void {
    this.unlinkCall(s);
    const q = this.cQueue[s];
    const now = this.now;
    if ((this.cFlags[s] & CF_MEASURED) !== 0) {
      const o = q * St.Q_FIELDS;
      const qs = this.stats.queue;
      qs[o + St.Q_ABANDONED]++;
      if (q !== this.cFirstQueue[s]) qs[o + St.Q_IN_ABANDONED]++;
      qs[o + St.Q_WAIT_ABANDONED_MS] += now - this.cQueuedAt[s];
      const c = this.stats.call;
      c[St.C_ABANDONED]++;
      c[St.C_WAIT_ABANDONED_MS] += now - this.cArrive[s];
      this.emitAbandoned(s, q, true);
    } else this.emitAbandoned(s, q, false);
    this.freeCallSlot(s);
  }

  private emitAbandoned(s: number, q: number, measured: boolean): void {
    if (this.sink === null) return;
    this.emit(
      {
        type: 'call.abandoned',
        t: this.epochMs + Math.round(this.now),
        call: this.cId[s],
        queue: this.queueIds[q],
      },
      measured,
    );
  }

  private onOverflowTimer(s: number): void {
    const q = this.cQueue[s];
    const after = this.qOverflowAfterMs[q];
    if (after === Number.POSITIVE_INFINITY || this.qOverflowTo[q] < 0) return;
    const due = this.cQueuedAt[s] + after;
    if (this.now < due) {
      // The rule was lengthened since this timer was set.
      this.schedule(due, K_OVERFLOW, s, this.cVisit[s]);
      return;
    }
    this.unlinkCall(s);
    this.overflow(s, q);
  }

  /** Call s (not in any list) leaves queue q for q's overflow target. */
  private overflow(s: number, q: number): void {
    const to = this.qOverflowTo[q];
    const measured = (this.cFlags[s] & CF_MEASURED) !== 0;
    if (measured) {
      const o = q * St.Q_FIELDS;
      this.stats.queue[o + St.Q_OVERFLOWED]++;
      this.stats.queue[o + St.Q_WAIT_OVERFLOWED_MS] += this.now - this.cQueuedAt[s];
    }
    if (this.sink !== null) {
      this.emit(
        {
          type: 'call.overflowed',
          t: this.epochMs + Math.round(this.now),
          call: this.cId[s],
          queue: this.queueIds[q],
          to: this.queueIds[to],
        },
        measured,
      );
    }
    this.offer(s, to);
  }

  /** Agent `agent` (available, or just freed) answers call s (unlinked) in queue q. */
  private answer(s: number, agent: number, q: number): void {
    const now = this.now;
    if (this.aState[agent] === S_AVAILABLE) this.unlinkIdle(agent);
    this.setState(agent, S_ONCALL);
    this.aCall[agent] = s;
    this.cAgent[s] = agent;
    this.cState[s] = C_TALKING;
    const measured = (this.cFlags[s] & CF_MEASURED) !== 0;
    if (measured) {
      const waitVisit = now - this.cQueuedAt[s];
      const waitCall = now - this.cArrive[s];
      const o = q * St.Q_FIELDS;
      const qs = this.stats.queue;
      qs[o + St.Q_ANSWERED]++;
      qs[o + St.Q_WAIT_ANSWERED_MS] += waitVisit;
      this.aAnswered[agent]++;
      const within = waitVisit <= this.qThresholdMs[q];
      if (within) qs[o + St.Q_ANSWERED_WITHIN]++;
      if (q !== this.cFirstQueue[s]) {
        qs[o + St.Q_IN_ANSWERED]++;
        if (within) qs[o + St.Q_IN_WITHIN]++;
      }
      const c = this.stats.call;
      c[St.C_ANSWERED]++;
      c[St.C_WAIT_ANSWERED_MS] += waitCall;
      if (waitCall <= this.qThresholdMs[this.cFirstQueue[s]]) c[St.C_ANSWERED_WITHIN]++;
    }
    if (q !== this.cFirstQueue[s]) this.drawInQueue(s, q);
    const talk = this.cHandleMs[s] * this.qAhtFactor[q] * this.qHandleFactor[q] + this.cHoldMs[s];
    if (this.sink !== null) {
      const t = this.epochMs + Math.round(now);
      this.emit(
        { type: 'call.answered', t, call: this.cId[s], queue: this.queueIds[q], agent: this.agentIds[agent] },
        measured,
      );
      this.emitAgent(agent, S_ONCALL, undefined, false);
    }
    this.schedule(now + talk, K_CALL_END, agent, this.aStamp[agent]);
  }

  private onCallEnd(agent: number): void {
    const s = this.aCall[agent];
    this.endCall(agent, s, true);
    const acw = this.cAcwMs[s];
    this.freeCallSlot(s);
    if (acw > 0) {
      this.setState(agent, S_ACW);
      this.emitAgent(agent, S_ACW, undefined, false);
      this.schedule(this.now + acw, K_ACW_END, agent, this.aStamp[agent]);
      return;
    }
    this.agentFree(agent);
  }

  /** Ends agent's conversation on call s now: stats, `call.ended`, and (when `survey`) `call.rated`. */
  protected endCall(agent: number, s: number, survey: boolean): void {
    const q = this.cQueue[s];
    const measured = (this.cFlags[s] & CF_MEASURED) !== 0;
    const now = this.now;
    const talkMs = now - this.aSince[agent];
    if (measured) {
      const o = q * St.Q_FIELDS;
      this.stats.queue[o + St.Q_HANDLED]++;
      this.stats.queue[o + St.Q_TALK_MS] += talkMs;
    }
    this.aCall[agent] = -1;
    const sv = survey ? this.qSurvey[q] : null;
    let score = 0;
    if (sv !== null && this.cSurveyU[s] < sv.responseRate) score = this.surveyScore(sv, s);
    if (measured && score > 0) {
      this.stats.queue[q * St.Q_FIELDS + St.Q_SURVEYS]++;
      if (score >= 4) this.stats.queue[q * St.Q_FIELDS + St.Q_SURVEYS_GOOD]++;
    }
    if (this.sink === null) return;
    const t = this.epochMs + Math.round(now);
    const hold = this.cHoldMs[s];
    const call = this.cId[s];
    const queue = this.queueIds[q];
    const agentId = this.agentIds[agent];
    this.emit(
      {
        type: 'call.ended',
        t,
        call,
        queue,
        agent: agentId,
        holdMs: hold > 0 ? Math.min(hold, talkMs) : undefined,
      },
      measured,
    );
    if (score > 0) this.emit({ type: 'call.rated', t, call, queue, agent: agentId, score }, measured);
  }

  /** Mean score falls linearly with the wait; the answer is that plus normal noise, rounded into 1-5. */
  private surveyScore(sv: { meanScore: number; dropPerMinute: number }, s: number): number {
    const waitMin = (this.aSince[this.cAgent[s]] - this.cArrive[s]) / 60_000;
    const mean = sv.meanScore - sv.dropPerMinute * waitMin;
    const score = Math.round(mean + 0.8 * this.cSurveyZ[s]);
    return score < 1 ? 1 : Math.min(score, 5);
  }

  // ---- agents -------------------------------------------------------------------------------------------

  /** Agent finished a call or its ACW: log off or go on break if asked to, else take a call or idle. */
  protected agentFree(agent: number): void {
    const flags = this.aFlags[agent];
    if ((flags & AF_PENDING_LOGOFF) !== 0) {
      this.goOffline(agent, this.aPendingReason[agent]);
      return;
    }
    if (this.aPendingBreakMs[agent] > 0) {
      this.startBreak(agent, this.aPendingBreakMs[agent], this.aPendingReason[agent]);
      return;
    }
    const q = this.pickQueue(agent);
    if (q >= 0) {
      const s = this.qHead[q];
      this.unlinkCall(s);
      this.answer(s, agent, q);
      return;
    }
    this.becomeAvailable(agent, false);
  }

  /** Agent logs in or returns from a break: available, then takes any waiting call. */
  protected comeBack(agent: number): void {
    this.becomeAvailable(agent, true);
    const q = this.pickQueue(agent);
    if (q >= 0) {
      const s = this.qHead[q];
      this.unlinkCall(s);
      this.answer(s, agent, q);
    }
  }

  private becomeAvailable(agent: number, full: boolean): void {
    this.setState(agent, S_AVAILABLE);
    this.emitAgent(agent, S_AVAILABLE, undefined, full);
    this.linkIdle(agent);
  }
}
