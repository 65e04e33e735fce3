/**
 * Applies a patch of the live-feed protocol (@wallboard/server, src/stream/patch.ts, which documents
 * the rules): plain objects merge recursively into the target (a non-object target starts as {}), any
 * other value replaces, `$d` lists keys to delete, and `{"$a": [...]}` appends to the target's array. Never mutates: unchanged subtrees are shared, so a
 * widget holding the previous snapshot is unaffected. Kept in step with the server's copy by the
 * end-to-end tests (test/live/).
 */
export type JsonObject = { [key: string]: unknown };

const isPlainObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function applyPatch(target: unknown, patch: JsonObject): JsonObject {
  const base: JsonObject = isPlainObject(target) ? target : {};
  const out: JsonObject = { ...base };
  for (const k in patch) {
    const p = patch[k];
    if (k === '$d') {
      if (Array.isArray(p)) for (const d of p) if (typeof d === 'string') delete out[d];
      continue;
    }
    const t = base[k];
    if (isPlainObject(p) && Array.isArray(p.$a) && Array.isArray(t)) out[k] = [...t, ...p.$a];
    else out[k] = isPlainObject(p) ? applyPatch(t, p) : p;
  }
  return out;
}
