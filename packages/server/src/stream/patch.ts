/**
 * Structural patches between two JSON states, so that a stream sends each client one whole snapshot and
 * then only what changed (a floor-1000 snapshot is about 1 MB; what changes in half a second is a few
 * per cent of it). A patch is a JSON object merged into its target:
 *   - a key holding a plain object is merged recursively (a target that is not an object starts as {});
 *   - a key holding anything else (number, string, boolean, null, array) replaces the target's value;
 *   - the key `$d` lists keys of the target to delete;
 *   - an object `{"$a": [...]}` appends its items to the target's array (today's closed intervals only
 *     ever grow: when one closes, the patch carries that one, not the day's list again).
 * Other changed arrays are replaced whole. Applying never mutates its input: unchanged subtrees are shared, so a
 * consumer holding an older state is unaffected. The browser client has its own copy of `applyPatch`
 * (packages/widgets/src/live/patch.ts), kept in step by the end-to-end tests.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** The key listing deletions; snapshot keys never start with `$`. */
export const DELETE_KEY = '$d';
/** The key of an append to an array. */
export const APPEND_KEY = '$a';

export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values (undefined-valued keys count as absent, as JSON.stringify does). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in bo) {
    if (bo[k] === undefined) continue;
    n++;
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in ao) if (ao[k] !== undefined) n--;
  return n === 0;
}

/** The patch that turns `from` into `to`, or undefined when they are equal. */
export function diff(from: JsonObject, to: JsonObject): JsonObject | undefined {
  let out: JsonObject | undefined;
  for (const k in to) {
    const b = to[k];
    if (b === undefined) continue;
    const a = from[k];
    if (a === b) continue;
    if (isPlainObject(b) && isPlainObject(a)) {
      const d = diff(a, b);
      if (d !== undefined) (out ??= {})[k] = d;
      continue;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length === b.length && jsonEqual(a, b)) continue;
      if (a.length > 0 && b.length > a.length && a.every((x, i) => jsonEqual(x, b[i]))) {
        (out ??= {})[k] = { [APPEND_KEY]: b.slice(a.length) };
        continue;
      }
    }
    // An object over a non-object applies as a merge into {}, which yields the object itself.
    (out ??= {})[k] = b;
  }
  let deleted: string[] | undefined;
  for (const k in from) {
    if (from[k] !== undefined && to[k] === undefined) (deleted ??= []).push(k);
  }
  if (deleted) (out ??= {})[DELETE_KEY] = deleted;
  return out;
}

/** `target` with `patch` applied, as a new object sharing every unchanged subtree. */
export function applyPatch(target: Json | undefined, patch: JsonObject): JsonObject {
  const base: JsonObject = isPlainObject(target) ? target : {};
  const out: JsonObject = { ...base };
  for (const k in patch) {
    const p = patch[k];
    if (k === DELETE_KEY) {
      if (Array.isArray(p)) for (const d of p) if (typeof d === 'string') delete out[d];
      continue;
    }
    const t = base[k];
    if (isPlainObject(p) && Array.isArray(p[APPEND_KEY]) && Array.isArray(t))
      out[k] = [...t, ...p[APPEND_KEY]];
    else out[k] = isPlainObject(p) ? applyPatch(t, p) : p;
  }
  return out;
}
