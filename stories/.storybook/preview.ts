import '@wallboard/widgets/define';
import '../src/support/frame.js';
import manifest from 'virtual:wallboard-manifest';
import { type Preview, type StoryContext, setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEFAULT_FRAME, type FrameSettings } from '../src/support/frame.js';
import { argTypesFor, descriptionOf, useManifest } from '../src/support/manifest.js';
import { htmlSnippet } from '../src/support/snippet.js';

useManifest(manifest);
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme of the widgets',
      toolbar: {
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'dark', title: 'Dark (TV)' },
          { value: 'light', title: 'Light' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
      },
    },
    scale: {
      description: 'Type size: desk or a floor TV read from ten metres',
      toolbar: {
        icon: 'grow',
        dynamicTitle: true,
        items: [
          { value: 'desk', title: 'Desk' },
          { value: 'tv', title: 'TV (2x)' },
        ],
      },
    },
    locale: {
      description: 'Locale of numbers, percents, durations and times (widgets without their own)',
      toolbar: {
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: '', title: 'Browser locale' },
          { value: 'en-US', title: 'English (US)' },
          { value: 'en-GB', title: 'English (UK)' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'fr-FR', title: 'Français' },
          { value: 'ar-EG', title: 'العربية (Egypt)' },
          { value: 'he-IL', title: 'עברית' },
          { value: 'ja-JP', title: '日本語' },
        ],
      },
    },
    motion: {
      description: 'Reduced motion, as prefers-reduced-motion: reduce',
      toolbar: {
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'full', title: 'Full motion' },
          { value: 'reduce', title: 'Reduced motion' },
        ],
      },
    },
    direction: {
      description: 'Text direction of the page',
      toolbar: {
        icon: 'paragraph',
        dynamicTitle: true,
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { ...DEFAULT_FRAME },
  decorators: [
    (story, context) => {
      const g = context.globals as Partial<FrameSettings>;
      const settings: FrameSettings = { ...DEFAULT_FRAME, ...g, fill: context.viewMode === 'story' };
      return html`<sb-story-frame .settings=${settings}>${story()}</sb-story-frame>`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    actions: { disable: false },
    docs: {
      extractArgTypes: (component: unknown) => argTypesFor(String(component)),
      // "Show code" is the HTML for the story's args, not the story's TypeScript (see support/snippet.ts).
      source: {
        type: 'code',
        language: 'html',
        transform: (code: string, ctx: StoryContext) =>
          ctx.parameters.snippet === false || !ctx.component
            ? code
            : htmlSnippet(String(ctx.component), ctx.args),
      },
      extractComponentDescription: (component: unknown) => descriptionOf(String(component)) ?? '',
    },
    // Every story is an axe check when run as a test (`pnpm test`): a violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
