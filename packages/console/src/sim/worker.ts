/**
 * The simulation worker: one live run (or one what-if computation) per worker. The page talks to it
 * through src/sim/client.ts; see protocol.ts for the messages.
 */
import { ControlError, ScenarioError } from '@wallboard/simulator';
import { LiveRun } from './live-run.js';
import type { Reply, Request } from './protocol.js';
import { whatIf } from './what-if.js';

/** The part of DedicatedWorkerGlobalScope used here (the DOM lib does not declare it). */
interface WorkerScope {
  postMessage(message: Reply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<Request>) => void): void;
}

const scope = self as unknown as WorkerScope;
const post = (reply: Reply) => scope.postMessage(reply);
let run: LiveRun | null = null;

function errorReply(id: number, err: unknown): Reply {
  if (err instanceof ScenarioError)
    return { type: 'error', id, message: 'The scenario has problems', problems: err.problems };
  if (err instanceof ControlError || err instanceof RangeError)
    return { type: 'error', id, message: err.message };
  return {
    type: 'error',
    id,
    message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}`,
  };
}

function handle(req: Request): void {
  switch (req.type) {
    case 'start': {
      run?.stop();
      run = new LiveRun(req.config, post);
      if (!run.start(req.id)) run = null;
      return;
    }
    case 'control': {
      if (!run) throw new ControlError('no run: start a scenario first');
      post({ type: 'ok', id: req.id, agents: run.control(req.control) });
      return;
    }
    case 'clock':
      if (!run) throw new ControlError('no run: start a scenario first');
      run.clock(req.action, req.speed);
      post({ type: 'ok', id: req.id });
      return;
    case 'scopes':
      if (!run) throw new ControlError('no run: start a scenario first');
      run.setScopes(req.scopes);
      post({ type: 'ok', id: req.id });
      return;
    case 'jump':
      if (!run) throw new ControlError('no run: start a scenario first');
      run.jump(req.to);
      post({ type: 'ok', id: req.id });
      return;
    case 'export-ndjson': {
      if (!run) throw new ControlError('no run: start a scenario first');
      post({ type: 'ndjson', id: req.id, ...run.exportNdjson() });
      return;
    }
    case 'interventions':
      post({ type: 'interventions', id: req.id, interventions: run?.recorded() ?? [] });
      return;
    case 'what-if': {
      const result = whatIf(req.config, req.interventions, (done) =>
        post({ type: 'what-if-progress', id: req.id, done }),
      );
      post({ type: 'what-if', id: req.id, result });
      return;
    }
    case 'stop':
      run?.stop();
      run = null;
      post({ type: 'ok', id: req.id });
      return;
  }
}

scope.addEventListener('message', (e) => {
  try {
    handle(e.data);
  } catch (err) {
    post(errorReply(e.data.id, err));
  }
});
