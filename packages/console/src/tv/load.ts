/**
 * Loads what the floor board needs from its URL: the layout file (`layout=URL`) and, when the layout
 * names a scenario file rather than a built-in, that file too. Every failure is one clear sentence.
 */
import { BUILT_IN_NAMES } from '@wallboard/simulator';
import type { ScenarioSource } from '../sim/protocol.js';
import { applyParams, type Checked, DEFAULT_LAYOUT, type Layout, validateLayout } from './layout.js';

async function fetchJson(url: URL, what: string): Promise<Checked<unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (err) {
    return { ok: false, problems: [`could not load the ${what} ${url.href}: ${(err as Error).message}`] };
  }
  if (!res.ok) return { ok: false, problems: [`could not load the ${what} ${url.href}: HTTP ${res.status}`] };
  // Servers that answer every unknown path with their home page (single-page-app fallbacks) send HTML.
  if ((res.headers.get('content-type') ?? '').includes('text/html'))
    return {
      ok: false,
      problems: [
        `could not load the ${what} ${url.href}: the server sent a web page, not JSON (is the address right?)`,
      ],
    };
  const text = await res.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problems: [`the ${what} ${url.href} is not valid JSON: ${(err as Error).message}`] };
  }
}

/** The layout of this page: the file's (validated) or the defaults, with the URL parameters over it. */
export async function loadLayout(location: Location): Promise<Checked<{ layout: Layout; base: URL }>> {
  const params = new URLSearchParams(location.search);
  const layoutParam = params.get('layout');
  let layout = DEFAULT_LAYOUT;
  let base = new URL(location.href);
  if (layoutParam) {
    base = new URL(layoutParam, location.href);
    if (!/^https?:$/.test(base.protocol))
      return { ok: false, problems: [`URL parameter layout: ${layoutParam} is not an http(s) address`] };
    const raw = await fetchJson(base, 'layout file');
    if (!raw.ok) return raw;
    const checked = validateLayout(raw.value);
    if (!checked.ok) return checked;
    layout = checked.value;
  }
  const withParams = applyParams(layout, params);
  if (!withParams.ok) return withParams;
  return { ok: true, value: { layout: withParams.value, base } };
}

/** A built-in name as is; anything else is a scenario file's address, relative to the layout. */
export async function scenarioSource(layout: Layout, base: URL): Promise<Checked<ScenarioSource>> {
  if (BUILT_IN_NAMES.includes(layout.scenario))
    return { ok: true, value: { kind: 'builtin', name: layout.scenario } };
  if (!/[/.]/.test(layout.scenario))
    return {
      ok: false,
      problems: [
        `scenario: unknown built-in scenario "${layout.scenario}" (built-ins: ${BUILT_IN_NAMES.join(', ')}; or give a .json address)`,
      ],
    };
  const url = new URL(layout.scenario, base);
  const doc = await fetchJson(url, 'scenario file');
  if (!doc.ok) return doc;
  return {
    ok: true,
    value: { kind: 'document', doc: doc.value, label: url.pathname.split('/').pop() ?? 'scenario' },
  };
}
