// The built one-file bundle, as a CRM page loads it with one script tag (`pnpm test` builds it first),
// and the elements it must define: the tests that use this import nothing from src/ at run time.

export const BUNDLE = '/packages/widgets/dist/wallboard.js';

/** Every element of the kit, as DESIGN.md "Delivery" and custom-elements.json name them. */
export const TAGS = [
  'wb-board',
  'wb-sl-gauge',
  'wb-metric',
  'wb-queue-tile',
  'wb-clock',
  'wb-ticker',
  'wb-interval-chart',
  'wb-abandon-chart',
  'wb-agent-board',
  'wb-staffing',
] as const;

export type Bundle = typeof import('../../src/wallboard.js');

/** Loads dist/wallboard.js with a module script tag, then returns its exports. */
export async function loadBundle(): Promise<Bundle> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = BUNDLE;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${BUNDLE} did not load: run \`pnpm build\` first`));
  });
  document.head.append(script);
  await loaded;
  return (await import(/* @vite-ignore */ BUNDLE as string)) as Bundle;
}
