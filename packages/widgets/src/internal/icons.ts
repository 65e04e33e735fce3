import { html, type TemplateResult } from 'lit';
import type { WidgetStatus } from './thresholds.js';

// Inline paths (24x24 viewBox) rather than glyphs: icon fonts and emoji differ between TVs.
const PATHS: Record<WidgetStatus, string> = {
  ok: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  warning: 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z',
  critical:
    'M15.7 3H8.3L3 8.3v7.4L8.3 21h7.4l5.3-5.3V8.3zM17 15.6 15.6 17 12 13.4 8.4 17 7 15.6l3.6-3.6L7 8.4 8.4 7l3.6 3.6L15.6 7 17 8.4 13.4 12z',
  stale:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16m.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z',
  empty: 'M5 11h14v2H5z',
};

/** The status icon, decorative (the status word beside it carries the meaning). */
export function statusIcon(status: WidgetStatus): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${PATHS[status]}></path></svg>`;
}
