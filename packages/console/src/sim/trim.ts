/**
 * What crosses from the worker to the page: only the scopes the page shows, and today's interval lists
 * only where a chart may read them (not per team), so a 1,000-agent floor's snapshot stays small.
 */
import type { Snapshot } from '@wallboard/metrics';

export function trimSnapshot(snapshot: Snapshot, scopes?: readonly string[]): Snapshot {
  const out: Snapshot['scopes'] = {};
  const wanted = scopes === undefined ? Object.keys(snapshot.scopes) : scopes;
  for (const key of wanted) {
    const scope = snapshot.scopes[key];
    if (scope === undefined) continue;
    out[key] = key.startsWith('team:') && scope.intervals.length > 0 ? { ...scope, intervals: [] } : scope;
  }
  return { ...snapshot, scopes: out };
}
