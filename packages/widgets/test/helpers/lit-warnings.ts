// Imported first by every test file: records console.warn calls from the moment the module graph starts
// evaluating, before Lit's dev build loads, so Lit's one-time warnings are caught too.
export const warnings: string[] = [];
const original = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  original(...args);
};

/** Lit's dev-mode warnings, minus the one notice that dev mode is on. */
export function litWarnings(): string[] {
  return warnings.filter((w) => /lit/i.test(w) && !/Lit is in dev mode/.test(w));
}
