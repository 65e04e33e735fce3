import { html, type TemplateResult } from 'lit';

/** Widgets side by side, as a board's grid would place them (each card at least `min` wide). */
export function grid(items: unknown[], min = '16em'): TemplateResult {
  return html`<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,calc(${min} * var(--wb-font-size-scale, 1))),1fr));gap:1em;align-items:stretch">
    ${items}
  </div>`;
}

/** One widget at the width of a board column, so single-widget stories look as they do on a board. */
export function column(item: unknown, width = '20em'): TemplateResult {
  return html`<div style="max-inline-size:calc(${width} * var(--wb-font-size-scale, 1))">${item}</div>`;
}

/** Right-to-left content with its language, as an Arabic or Hebrew host page would set it. */
export function rtl(item: unknown, lang: string): TemplateResult {
  return html`<div dir="rtl" lang=${lang}>${item}</div>`;
}
