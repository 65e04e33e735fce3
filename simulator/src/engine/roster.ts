/**
 * The roster: shifts, breaks and log-offs. A shift end or a break that falls during a call waits until the
 * call and its ACW are over; a break cut short by the end of a shift ends there. Rare next to calls, so
 * it sits on top of the call flow in core.ts.
 */
import { SimulationCore } from './core.js';
import {
  AF_ABSENT,
  AF_ON_SHIFT,
  AF_PENDING_LOGOFF,
  K_BREAK_END,
  K_BREAK_START,
  K_SHIFT_END,
  K_SHIFT_START,
  S_ACW,
  S_AVAILABLE,
  S_BREAK,
  S_OFFLINE,
  S_ONCALL,
} from './storage.js';

export abstract class RosterCore extends SimulationCore {
  /** Schedules agent a's shift (start, end) and breaks; `absent` agents never log in. */
  protected planAgent(a: number, shiftStartMs: number, shiftEndMs: number, absent: boolean): void {
    if (absent) this.aFlags[a] |= AF_ABSENT;
    this.aShiftEnd[a] = shiftEndMs;
    this.schedule(Math.max(0, shiftStartMs), K_SHIFT_START, a, 0);
    if (shiftEndMs < this.endMs) this.schedule(shiftEndMs, K_SHIFT_END, a, this.aShiftStamp[a]);
    const breaks = this.aBreaks[a];
    for (let i = 0; i < breaks.length; i++) {
      if (breaks[i].startMs >= 0 && breaks[i].startMs < this.endMs)
        this.schedule(breaks[i].startMs, K_BREAK_START, a, i);
    }
  }

  protected startBreak(agent: number, durationMs: number, reason: string): void {
    if (this.aState[agent] === S_AVAILABLE) this.unlinkIdle(agent);
    this.aPendingBreakMs[agent] = 0;
    this.setState(agent, S_BREAK);
    this.emitAgent(agent, S_BREAK, reason);
    this.schedule(this.now + durationMs, K_BREAK_END, agent, this.aStamp[agent]);
  }

  protected goOffline(agent: number, reason: string): void {
    const state = this.aState[agent];
    if (state === S_AVAILABLE) this.unlinkIdle(agent);
    this.aFlags[agent] &= ~AF_PENDING_LOGOFF;
    this.aPendingBreakMs[agent] = 0;
    this.setState(agent, S_OFFLINE);
    this.emitAgent(agent, S_OFFLINE, reason);
  }

  protected onShiftStart(a: number): void {
    if ((this.aFlags[a] & AF_ABSENT) !== 0) {
      // A no-show: the board learns the agent exists and is absent.
      this.emitAgent(a, S_OFFLINE, 'absent');
      return;
    }
    if (this.aShiftEnd[a] <= this.now) return;
    this.aFlags[a] |= AF_ON_SHIFT;
    if (this.mayWork(a) && this.aState[a] === S_OFFLINE) this.comeBack(a);
  }

  protected onShiftEnd(a: number): void {
    this.aFlags[a] &= ~AF_ON_SHIFT;
    this.logOff(a, 'shift-end');
  }

  /** Agent a goes home: now if idle or on break, after the current call and ACW if busy. */
  protected logOff(a: number, reason: string): void {
    const state = this.aState[a];
    if (state === S_OFFLINE) return;
    if (state === S_ONCALL || state === S_ACW) {
      this.aFlags[a] |= AF_PENDING_LOGOFF;
      this.aPendingReason[a] = reason;
    } else this.goOffline(a, reason);
  }

  protected onBreakStart(a: number, i: number): void {
    const br = this.aBreaks[a][i];
    this.breakAgent(a, br.durationMs, br.reason);
  }

  /** Agent a takes a break of durationMs: now if available, after the current call if busy; false if neither. */
  protected breakAgent(a: number, durationMs: number, reason: string): boolean {
    const state = this.aState[a];
    if (state === S_AVAILABLE) {
      this.startBreak(a, durationMs, reason);
      return true;
    }
    if ((state === S_ONCALL || state === S_ACW) && (this.aFlags[a] & AF_PENDING_LOGOFF) === 0) {
      this.aPendingBreakMs[a] = durationMs;
      this.aPendingReason[a] = reason;
      return true;
    }
    return false;
  }

  /** At the end of the warm-up, states again every logged-in agent so a measuring consumer knows them. */
  protected restateAgents(): void {
    for (let a = 0; a < this.agentCount; a++) {
      const state = this.aState[a];
      if (state !== S_OFFLINE) this.emitAgent(a, state, undefined);
    }
  }
}
