import { readQueueLog } from '@wallboard/metrics';
import { Rng } from '@wallboard/simulator';
import { describe, expect, it } from 'vitest';
import type { Line } from '../src/sources/follow.js';
import { QueueLogStream } from '../src/sources/queue-log.js';

/** Seeded uniforms in [0, 1) from the simulator's generator. */
function rng(seed: number) {
  const g = new Rng(seed);
  return () => g.uniform();
}

/**
 * A random but plausible queue_log: agents joining, pausing (with reasons, also during calls), leaving;
 * calls answered, abandoned, transferred, timing out into another queue or the dialplan; and some
 * garbage lines.
 */
function randomLog(seed: number, steps = 160): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const queues = ['sales', 'support', 'billing'];
  const agents = ['SIP/100', 'SIP/101', 'SIP/102', 'Local/200@agents'];
  let t = 1_740_988_800;
  const lines: string[] = [];
  const waiting: Array<{ id: string; queue: string }> = [];
  const talking: Array<{ id: string; queue: string; agent: string }> = [];
  let n = 0;
  const line = (call: string, queue: string, agent: string, verb: string, ...data: string[]) =>
    lines.push([`${t}`, call, queue, agent, verb, ...data].join('|'));
  for (let i = 0; i < steps; i++) {
    t += Math.floor(r() * 20);
    const x = r();
    if (x < 0.12) line('NONE', pick(queues), pick(agents), 'ADDMEMBER', '');
    else if (x < 0.16) line('NONE', pick(queues), pick(agents), 'REMOVEMEMBER', '');
    else if (x < 0.22)
      line('NONE', pick(queues), pick(agents), 'PAUSE', pick(['lunch', '', 'NONE', 'coffee']));
    else if (x < 0.27) line('NONE', 'NONE', pick(agents), 'UNPAUSE', '');
    else if (x < 0.29) line('NONE', 'NONE', pick(agents), pick(['AGENTLOGIN', 'AGENTLOGOFF']), '');
    else if (x < 0.45) {
      const c = { id: `17409${n++}.1`, queue: pick(queues) };
      line(c.id, c.queue, 'NONE', 'ENTERQUEUE', '', '5551234', '1');
      waiting.push(c);
    } else if (x < 0.6 && waiting.length > 0) {
      const c = waiting.splice(Math.floor(r() * waiting.length), 1)[0];
      const agent = pick(agents);
      line(c.id, c.queue, agent, 'CONNECT', String(Math.floor(r() * 30)), '1740.9', '2');
      talking.push({ ...c, agent });
    } else if (x < 0.72 && talking.length > 0) {
      const c = talking.splice(Math.floor(r() * talking.length), 1)[0];
      // Sometimes another agent's line closes the call (an odd log the reader must survive).
      const agent = r() < 0.1 ? pick(agents) : c.agent;
      line(c.id, c.queue, agent, pick(['COMPLETECALLER', 'COMPLETEAGENT', 'BLINDTRANSFER']), '5', '60', '1');
    } else if (x < 0.78 && waiting.length > 0) {
      const c = waiting.splice(Math.floor(r() * waiting.length), 1)[0];
      line(c.id, c.queue, 'NONE', 'ABANDON', '1', '1', String(Math.floor(r() * 60)));
    } else if (x < 0.86 && waiting.length > 0) {
      const c = waiting.splice(Math.floor(r() * waiting.length), 1)[0];
      line(c.id, c.queue, 'NONE', pick(['EXITWITHTIMEOUT', 'EXITEMPTY']), '1', '1', '60');
      // Usually into another queue (maybe a few lines later), sometimes out to the dialplan.
      if (r() < 0.7) waiting.push({ id: c.id, queue: pick(queues.filter((q) => q !== c.queue)) });
      if (r() < 0.5) {
        const again = waiting[waiting.length - 1];
        if (again?.id === c.id) line(again.id, again.queue, 'NONE', 'ENTERQUEUE', '', '5551234', '1');
      }
    } else if (x < 0.9)
      lines.push(pick(['garbage', '12|x', `${t}|1|q|a|NOSUCHVERB`, `soon|1|q|a|ABANDON`, '']));
    else line('NONE', pick(queues), 'NONE', pick(['QUEUESTART', 'RINGNOANSWER']), '1000');
  }
  return lines;
}

function asLines(texts: string[], from = 0): Line[] {
  return texts.map((text, i) => ({ text, lineNo: from + i + 1, generation: 0 }));
}

describe('queue_log read in pieces', () => {
  it('gives the same events, bad lines and line numbers as one whole read', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const log = randomLog(seed);
      const whole = readQueueLog(log.join('\n'));
      const r = rng(seed * 7919);
      const stream = new QueueLogStream(60_000, 'queue_log');
      const events = [];
      const bad = [];
      let i = 0;
      while (i < log.length) {
        const n = 1 + Math.floor(r() * 12);
        const batch = stream.push(asLines(log.slice(i, i + n), i), 0);
        events.push(...batch.events);
        bad.push(...batch.bad);
        i += n;
      }
      const last = stream.push([], 0, true);
      events.push(...last.events);
      bad.push(...last.bad);
      expect(events, `seed ${seed}`).toEqual(whole.events);
      expect(
        bad.map((b) => [b.line, b.reason]),
        `seed ${seed}`,
      ).toEqual(whole.bad.map((b) => [b.line, b.reason]));
    }
  });

  it('names an overflow destination that arrives in the next piece', () => {
    const stream = new QueueLogStream(60_000);
    const first = stream.push(
      asLines([
        '1740988800|c1|sales|NONE|ENTERQUEUE||x|1',
        '1740988860|c1|sales|NONE|EXITWITHTIMEOUT|1|1|60',
      ]),
      0,
    );
    // The queued call goes out; the overflow waits for the line that names where the call went.
    expect(first.events).toEqual([{ type: 'call.queued', t: 1740988800000, call: 'c1', queue: 'sales' }]);
    expect(stream.holding).toBe(1);
    const second = stream.push(asLines(['1740988861|c1|support|NONE|ENTERQUEUE||x|1'], 2), 10);
    expect(second.events).toEqual([
      { type: 'call.overflowed', t: 1740988860000, call: 'c1', queue: 'sales', to: 'support' },
      { type: 'call.queued', t: 1740988861000, call: 'c1', queue: 'support' },
    ]);
  });

  it('releases a held overflow to the dialplan after the hold time', () => {
    const stream = new QueueLogStream(2000);
    stream.push(
      asLines(['1740988800|c1|sales|NONE|ENTERQUEUE||x|1', '1740988860|c1|sales|NONE|EXITEMPTY|1|1|60']),
      0,
    );
    expect(stream.due(1999)).toBe(false);
    expect(stream.due(2000)).toBe(true);
    const out = stream.push([], 2000);
    expect(out.events.at(-1)).toEqual({
      type: 'call.overflowed',
      t: 1740988860000,
      call: 'c1',
      queue: 'sales',
      to: 'dialplan',
    });
  });
});
