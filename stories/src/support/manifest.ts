/**
 * Controls and docs tables from `custom-elements.json` (made by `cem analyze` from the widgets' doc
 * blocks). Storybook's own reader lists every field twice (once as a property, once as its attribute),
 * private `#fields` included, and types like `number | null` or `SlFormula` get a JSON editor; this one
 * gives one row per public property with a control that fits its type.
 */
import { SL_FORMULAS } from '@wallboard/metrics';
import { THEMES, WIDGET_STATUSES } from '@wallboard/widgets';
import type { ArgTypes, InputType } from 'storybook/internal/types';

/** The parts of the Custom Elements Manifest schema this module reads. */
interface CemType {
  text?: string;
}
interface CemItem {
  name: string;
  description?: string;
  type?: CemType;
  default?: string;
}
interface CemMember extends CemItem {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  reflects?: boolean;
}
interface CemDeclaration extends CemItem {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  members?: CemMember[];
  events?: CemItem[];
  slots?: CemItem[];
  cssProperties?: CemItem[];
  cssParts?: CemItem[];
  cssStates?: CemItem[];
}
export interface CustomElementsManifest {
  schemaVersion: string;
  modules: Array<{ path: string; declarations?: CemDeclaration[] }>;
}

/**
 * Options of the widgets' named string unions, which the manifest only knows by their alias. Taken
 * from the packages' own constants, so a new formula or theme shows up here without an edit.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  SlFormula: SL_FORMULAS,
  WidgetStatus: WIDGET_STATUSES,
  WbTheme: Object.keys(THEMES),
  WbScale: ['desk', 'tv'],
  ThresholdDirection: ['above', 'below'],
  MetricFormat: ['count', 'percent', 'duration'],
};

/** Properties the widget sets itself: shown in the table, never a control. */
const OUTPUT_ONLY = new Set(['status']);

let manifest: CustomElementsManifest | undefined;

/** Set once from `.storybook/preview.ts`. */
export function useManifest(m: CustomElementsManifest): void {
  manifest = m;
}

export function declarationOf(tag: string): CemDeclaration | undefined {
  for (const mod of manifest?.modules ?? []) {
    for (const d of mod.declarations ?? []) if (d.tagName === tag) return d;
  }
  return undefined;
}

/** The tags the manifest documents, for checking that every widget has a stories file. */
export function documentedTags(): string[] {
  return (manifest?.modules ?? []).flatMap((m) =>
    (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])),
  );
}

/** `'a' | 'b'` or a known alias: the options; anything else: null. */
export function unionOptions(typeText: string): string[] | null {
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && ALIASES[parts[0]]) return [...ALIASES[parts[0]]];
  if (parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p))) return parts.map((p) => p.slice(1, -1));
  return null;
}

/** The control for a property type, or false when no control fits (objects, stores). */
export function controlFor(member: CemMember): InputType['control'] {
  const text = member.type?.text ?? 'string';
  const bare = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  if (bare.length === 1 && bare[0] === 'boolean') return { type: 'boolean' };
  if (bare.length === 1 && bare[0] === 'number') {
    // Fractions (SL, targets, rates) move in hundredths; counts and seconds in whole steps.
    return /fraction/i.test(member.description ?? '') ? { type: 'number', step: 0.01 } : { type: 'number' };
  }
  const options = unionOptions(text);
  if (options) return { type: 'select', options: text.includes('undefined') ? ['', ...options] : options };
  if (bare.length === 1 && bare[0] === 'string') return { type: 'text' };
  if (/Array|\[\]/.test(text)) return { type: 'object' };
  return false;
}

const summary = (text: string | undefined) => (text === undefined ? undefined : { summary: text });

/** Storybook argTypes for a tag: properties, read-only properties, events, slots, CSS properties, parts, states. */
export function argTypesFor(tag: string): ArgTypes {
  const d = declarationOf(tag);
  if (!d) return {};
  const out: ArgTypes = {};
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || m.static || (m.privacy && m.privacy !== 'public') || m.name.startsWith('#'))
      continue;
    const attribute = m.attribute ? `Attribute \`${m.attribute}\`${m.reflects ? ' (reflected)' : ''}.` : '';
    const readOnly = m.readonly || OUTPUT_ONLY.has(m.name);
    out[m.name] = {
      name: m.name,
      description: [m.description, attribute || (readOnly ? '' : 'Property only.')].filter(Boolean).join(' '),
      control: readOnly ? false : controlFor(m),
      table: {
        category: readOnly ? 'read-only properties' : 'properties',
        type: summary(m.type?.text),
        defaultValue: summary(m.default),
      },
    };
  }
  for (const e of d.events ?? []) {
    out[e.name] = {
      name: e.name,
      description: e.description,
      action: e.name,
      control: false,
      table: { category: 'events', type: summary(e.type?.text ?? 'Event') },
    };
  }
  const listed = (items: CemItem[] | undefined, category: string, key: (name: string) => string) => {
    for (const item of items ?? []) {
      out[key(item.name)] = {
        name: item.name || '(default)',
        description: item.description,
        control: category === 'css custom properties' ? { type: 'text' } : false,
        table: { category, defaultValue: summary(item.default) },
      };
    }
  };
  listed(d.slots, 'slots', (n) => `slot:${n || 'default'}`);
  listed(d.cssProperties, 'css custom properties', (n) => n);
  listed(d.cssParts, 'css shadow parts', (n) => `part:${n}`);
  listed(d.cssStates, 'css custom states', (n) => `state:${n}`);
  return out;
}

/** The component description of a tag (its class doc block). */
export function descriptionOf(tag: string): string | undefined {
  return declarationOf(tag)?.description;
}
