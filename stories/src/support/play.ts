/**
 * Play functions shared by the widget stories: when the stories run as tests, each state story also
 * checks that the widget really is in the state it is named after, and that a label with markup in it
 * came out as text.
 */
import type { WidgetStatus } from '@wallboard/widgets';
import type { LitElement } from 'lit';
import { expect } from 'storybook/test';

type Widget = LitElement & { status: WidgetStatus };

async function widgetIn(canvas: HTMLElement, tag: string): Promise<Widget[]> {
  const els = [...canvas.querySelectorAll<Widget>(tag)];
  await expect(els.length, `a <${tag}> in the story`).toBeGreaterThan(0);
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}

/** Every `tag` in the story has status `status`. */
export const statusIs =
  (tag: string, status: WidgetStatus) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    for (const el of await widgetIn(canvasElement, tag)) await expect(el.status).toBe(status);
  };

/** The widgets in the story have these statuses, in document order. */
export const statusesAre =
  (tag: string, statuses: readonly WidgetStatus[]) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const els = await widgetIn(canvasElement, tag);
    await expect(els.map((el) => el.status)).toEqual(statuses);
  };

/** The label's markup is shown as text, and no element from it exists in the shadow root. */
export const labelIsText =
  (tag: string, label: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const [el] = await widgetIn(canvasElement, tag);
    const root = el.shadowRoot!;
    await expect(root.querySelector('img, b')).toBeNull();
    await expect(root.textContent).toContain(label);
  };
