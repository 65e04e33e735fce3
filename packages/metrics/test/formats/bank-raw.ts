/**
 * A deliberately separate reading of the raw bank TSV (not the CDR reader, no column map): the calls
 * with the definitions of docs/formats.md, for tests to compare the reader and the report against.
 */
import { readFileSync } from 'node:fs';

export const BANK_TSV = readFileSync(
  new URL('../../data/anonymous-bank-1999-02.tsv', import.meta.url),
  'utf8',
);
export const BANK_MAP: unknown = JSON.parse(
  readFileSync(new URL('../../maps/anonymous-bank.json', import.meta.url), 'utf8'),
);

export interface RawCall {
  id: string;
  queue: string;
  outcome: 'answered' | 'abandoned';
  /** Seconds in queue: q_time, or 0 for a call that went straight to an agent. */
  waitSec: number;
  /** Seconds of service (ser_time) for answered calls, else 0. */
  talkSec: number;
  /** Epoch ms it was offered. */
  offeredAt: number;
  noServer: boolean;
}

export interface RawBank {
  rows: number;
  calls: RawCall[];
  phantom: number;
  neverQueued: number;
}

const secs = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number);
  return h * 3600 + m * 60 + s;
};

export function readRawBank(): RawBank {
  const lines = BANK_TSV.split(/\r?\n/).filter((l) => l !== '');
  const cols = lines[0].split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  const [iLine, iId, iType, iDate, iEntry, iVruExit, iQExit, iQTime, iOutcome, iSerTime, iServer] = [
    'vru+line',
    'call_id',
    'type',
    'date',
    'vru_entry',
    'vru_exit',
    'q_exit',
    'q_time',
    'outcome',
    'ser_time',
    'server',
  ].map(at);
  const out: RawBank = { rows: lines.length - 1, calls: [], phantom: 0, neverQueued: 0 };
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    const outcome = f[iOutcome];
    if (outcome === 'PHANTOM') {
      out.phantom++;
      continue;
    }
    // In the queue iff it left the queue at some time (q_start is 0:00:00 for one call that queued at midnight).
    const queued = f[iQExit] !== '0:00:00';
    if (outcome === 'HANG' && !queued) {
      out.neverQueued++;
      continue;
    }
    if (outcome !== 'AGENT' && outcome !== 'HANG') throw new Error(`unexpected outcome ${outcome}`);
    const wait = queued ? Number(f[iQTime]) : 0;
    // Offered at q_exit - q_time, or at vru_exit; the date is vru_entry's, a day later if the clock time is
    // more than 12 h before vru_entry (the call crossed midnight); Israel is UTC+2 all February 1999.
    const d = f[iDate];
    const day = Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4, 6)));
    let clock = queued ? secs(f[iQExit]) : secs(f[iVruExit]);
    if (clock - secs(f[iEntry]) < -43_200) clock += 86_400;
    out.calls.push({
      id: `${f[iLine]}-${f[iId]}`,
      queue: f[iType],
      outcome: outcome === 'AGENT' ? 'answered' : 'abandoned',
      waitSec: wait,
      talkSec: outcome === 'AGENT' ? Number(f[iSerTime]) : 0,
      offeredAt: day + (clock - wait - 7200) * 1000,
      noServer: f[iServer] === 'NO_SERVER',
    });
  }
  return out;
}
