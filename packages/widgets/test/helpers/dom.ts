import { elementUpdated } from '@open-wc/testing';

export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** The shadow root's element for a part name. */
export function part<T extends Element = HTMLElement>(el: Element, name: string): T {
  const found = el.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in <${el.localName}>`);
  return found;
}

export function parts(el: Element, name: string): Element[] {
  return [...(el.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])];
}

/** Text of the shadow root with whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether `:state(name)` matches. */
export function hasState(el: Element, name: string): boolean {
  return el.matches(`:state(${name})`);
}

/** Sets properties then waits for the element's update. */
export async function setProps<T extends HTMLElement>(el: T, props: Partial<T>): Promise<void> {
  Object.assign(el, props);
  await elementUpdated(el);
}

/** Throws if the shadow root holds markup that came from the hostile string. */
export function assertNoInjectedMarkup(el: Element): void {
  if (el.shadowRoot?.querySelector('img')) throw new Error(`<${el.localName}> rendered an injected <img>`);
  if ((window as unknown as { __pwned?: number }).__pwned) throw new Error('hostile onerror handler ran');
}
