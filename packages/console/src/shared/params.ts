/**
 * Checking the names a page is given (its URL parameters, a layout's metric names): one implementation
 * for the console and the floor board, so both refuse the same unknown names and suggest alike.
 */

/** Levenshtein distance, for "did you mean" on a misspelled name. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The known name nearest to a misspelled one (case aside), if one is near enough to be the intent. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d)[0]?.k;
}

export interface UnknownParam {
  /** The name as given, cut at 60 characters for a message ("…" after). */
  shown: string;
  /** The known name it is nearest to, if any. */
  near?: string;
}

/** Each parameter name (once) that is not one of `known`, in the order given. */
export function unknownParams(params: URLSearchParams, known: readonly string[]): UnknownParam[] {
  return [...new Set(params.keys())]
    .filter((name) => !known.includes(name))
    .map((name) => {
      const near = nearest(name, known);
      return { shown: name.length > 60 ? `${name.slice(0, 60)}…` : name, ...(near ? { near } : {}) };
    });
}
