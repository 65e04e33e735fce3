import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureManifest } from '../.storybook/manifest-plugin.js';
import {
  argTypesFor,
  type CustomElementsManifest,
  controlFor,
  documentedTags,
  unionOptions,
  useManifest,
} from '../src/support/manifest.js';
import { htmlSnippet } from '../src/support/snippet.js';

const FAKE: CustomElementsManifest = {
  schemaVersion: '1.0.0',
  modules: [
    {
      path: 'src/x.ts',
      declarations: [
        {
          kind: 'class',
          name: 'WbX',
          tagName: 'wb-x',
          customElement: true,
          members: [
            {
              kind: 'field',
              name: 'value',
              type: { text: 'number | null' },
              default: 'null',
              attribute: 'value',
              description: 'A fraction (0.8).',
            },
            { kind: 'field', name: 'count', type: { text: 'number' }, default: '0', attribute: 'count' },
            { kind: 'field', name: 'label', type: { text: 'string' }, default: "''", attribute: 'label' },
            {
              kind: 'field',
              name: 'thresholdSec',
              type: { text: 'number | null' },
              default: '20',
              attribute: 'threshold-sec',
            },
            {
              kind: 'field',
              name: 'silent',
              type: { text: 'boolean' },
              default: 'false',
              attribute: 'silent',
            },
            { kind: 'field', name: 'formula', type: { text: 'SlFormula' }, attribute: 'formula' },
            { kind: 'field', name: 'model', type: { text: "'A' | 'C' | undefined" }, attribute: 'model' },
            { kind: 'field', name: 'messages', type: { text: 'ReadonlyArray<string | TickerMessage>' } },
            { kind: 'field', name: 'store', type: { text: 'WallboardStore | undefined' } },
            {
              kind: 'field',
              name: 'status',
              type: { text: 'WidgetStatus' },
              attribute: 'status',
              reflects: true,
            },
            { kind: 'field', name: 'legend', type: { text: 'string' }, readonly: true },
            { kind: 'field', name: '#secret', privacy: 'private', type: { text: 'number' } },
            { kind: 'field', name: 'feed', privacy: 'protected' },
            { kind: 'method', name: 'render' },
          ],
          events: [{ name: 'wb-threshold-change', description: 'Crossed a level.' }],
          cssProperties: [{ name: '--wb-x-size', description: 'Size.' }],
          cssParts: [{ name: 'base', description: 'The card.' }],
        },
      ],
    },
  ],
};

describe('controls from the manifest', () => {
  beforeAll(() => useManifest(FAKE));

  it('picks a control per type', () => {
    const member = (name: string) => FAKE.modules[0].declarations![0].members!.find((m) => m.name === name)!;
    expect(controlFor(member('value'))).toEqual({ type: 'number', step: 0.01 });
    expect(controlFor(member('count'))).toEqual({ type: 'number' });
    expect(controlFor(member('label'))).toEqual({ type: 'text' });
    expect(controlFor(member('silent'))).toEqual({ type: 'boolean' });
    expect(controlFor(member('formula'))).toEqual({
      type: 'select',
      options: [
        'abandons-count-against',
        'answered-only',
        'ignore-early-abandons',
        'early-abandons-count-for',
      ],
    });
    expect(controlFor(member('model'))).toEqual({ type: 'select', options: ['', 'A', 'C'] });
    expect(controlFor(member('messages'))).toEqual({ type: 'object' });
    expect(controlFor(member('store'))).toBe(false);
  });

  it('reads literal unions and known aliases, nothing else', () => {
    expect(unionOptions("'above' | 'below'")).toEqual(['above', 'below']);
    expect(unionOptions('ThresholdDirection')).toEqual(['above', 'below']);
    expect(unionOptions('WbTheme | undefined')).toEqual(['dark', 'light', 'high-contrast']);
    expect(unionOptions('string | number')).toBeNull();
    expect(unionOptions("'a' | string")).toBeNull();
  });

  it('lists public properties once, read-only ones without a control, and skips private members', () => {
    const t = argTypesFor('wb-x');
    expect(Object.keys(t)).not.toContain('#secret');
    expect(Object.keys(t)).not.toContain('feed');
    expect(Object.keys(t)).not.toContain('render');
    expect(Object.keys(t)).not.toContain('threshold-sec');
    expect(t.thresholdSec.description).toContain('Attribute `threshold-sec`');
    expect(t.messages.description).toContain('Property only');
    expect(t.status.control).toBe(false);
    expect(t.status.table?.category).toBe('read-only properties');
    expect(t.legend.control).toBe(false);
    expect(t['wb-threshold-change'].action).toBe('wb-threshold-change');
    expect(t['--wb-x-size'].control).toEqual({ type: 'text' });
    expect(t['part:base'].table?.category).toBe('css shadow parts');
    expect(argTypesFor('wb-unknown')).toEqual({});
  });
});

describe('HTML snippet for "Show code"', () => {
  beforeAll(() => useManifest(FAKE));

  it('writes attributes, leaves defaults out, and escapes values', () => {
    const html = htmlSnippet('wb-x', {
      label: 'Sales & "Support" <b>',
      value: 0.82,
      thresholdSec: 20,
      silent: true,
    });
    expect(html).toBe('<wb-x label="Sales &amp; &quot;Support&quot; &lt;b>" value="0.82" silent></wb-x>');
  });

  it('puts property-only data and nulls over a default in a script', () => {
    const html = htmlSnippet('wb-x', {
      messages: ['a', { text: 'b', level: 'warning' }],
      thresholdSec: null,
    });
    expect(html).toContain('<wb-x></wb-x>');
    expect(html).toContain('el.messages = ["a",{"text":"b","level":"warning"}];');
    expect(html).toContain('el.thresholdSec = null;');
  });

  it('writes CSS custom properties as a style attribute and skips event handlers', () => {
    const html = htmlSnippet('wb-x', { '--wb-x-size': '12em', 'wb-threshold-change': () => {} });
    expect(html).toBe('<wb-x style="--wb-x-size: 12em"></wb-x>');
  });
});

describe('the widgets manifest', () => {
  let manifest: CustomElementsManifest;
  beforeAll(() => {
    manifest = JSON.parse(readFileSync(ensureManifest(), 'utf8'));
    useManifest(manifest);
  });

  it('has a stories file for every documented element', () => {
    const dir = join(import.meta.dirname, '../src/widgets');
    const covered = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.stories.ts'))
        .flatMap((f) => [
          ...readFileSync(join(dir, f), 'utf8').matchAll(/(?:TAG =|component:) '(wb-[a-z-]+)'/g),
        ])
        .map((m) => m[1]),
    );
    const tags = documentedTags();
    expect(tags.length).toBeGreaterThanOrEqual(10);
    expect(tags.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('gives every element a description and its label a text control', () => {
    for (const tag of documentedTags()) {
      const types = argTypesFor(tag);
      if (tag !== 'wb-board') expect(types.label?.control, tag).toEqual({ type: 'text' });
      expect(
        Object.keys(types).some((k) => k.startsWith('#')),
        tag,
      ).toBe(false);
    }
  });
});
