/**
 * Renders one widget from story args. The element is kept per canvas, so changing a control updates
 * the same element: a value pushed across a threshold then fires `wb-threshold-change` into the
 * Actions panel, as it would on a real board, instead of a fresh element starting from a new baseline.
 */
import type { Args, StoryContext } from '@storybook/web-components-vite';
import { declarationOf } from './manifest.js';

const elements = new WeakMap<HTMLElement, HTMLElement>();
const listeners = new WeakMap<HTMLElement, Map<string, (e: Event) => void>>();

/** Args that are not properties: CSS custom properties, parts, slots and event handlers. */
const isStyleArg = (key: string) => key.startsWith('--');
const isDocOnlyArg = (key: string) => /^(part|slot|state):/.test(key);

export function renderWidget(args: Args, context: StoryContext): HTMLElement {
  const tag = String(context.component);
  const host = context.canvasElement;
  let el = elements.get(host);
  if (!el || el.localName !== tag) {
    el = document.createElement(tag);
    elements.set(host, el);
    listeners.set(el, new Map());
  }
  const events = new Set((declarationOf(tag)?.events ?? []).map((e) => e.name));
  const bound = listeners.get(el)!;
  for (const [key, value] of Object.entries(args)) {
    if (events.has(key)) {
      if (typeof value === 'function' && !bound.has(key)) {
        const handler = (e: Event) => (value as (e: Event) => void)(e);
        bound.set(key, handler);
        el.addEventListener(key, handler);
      }
    } else if (isStyleArg(key)) {
      if (typeof value === 'string' && value.trim()) el.style.setProperty(key, value);
      else el.style.removeProperty(key);
    } else if (!isDocOnlyArg(key)) {
      // An emptied select or text control means "unset", which the widgets read as their default.
      (el as unknown as Record<string, unknown>)[key] = value === '' ? undefined : value;
    }
  }
  return el;
}

/** A new element with these properties set, for stories that show several side by side. */
export function createWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown>,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  return el;
}
