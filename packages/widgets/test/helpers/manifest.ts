// Reads custom-elements.json (written by `pnpm build`, which `pnpm test` runs first) as the test
// server serves it: the server's root is the repository.
export const PACKAGE_URL = '/packages/widgets';

export interface ElementDoc {
  tagName: string;
  attributes?: Array<{ name: string; fieldName?: string }>;
  events?: Array<{ name: string; description?: string }>;
  cssParts?: Array<{ name: string; description?: string }>;
  cssProperties?: Array<{ name: string; description?: string }>;
}

/** Every element the manifest documents, by tag name. */
export async function loadManifest(): Promise<Map<string, ElementDoc>> {
  const res = await fetch(`${PACKAGE_URL}/custom-elements.json`);
  if (!res.ok) throw new Error('no custom-elements.json: run `pnpm build` first');
  const manifest = (await res.json()) as { modules: Array<{ declarations?: Array<Partial<ElementDoc>> }> };
  const elements = new Map<string, ElementDoc>();
  for (const m of manifest.modules)
    for (const d of m.declarations ?? []) if (d.tagName) elements.set(d.tagName, d as ElementDoc);
  return elements;
}
