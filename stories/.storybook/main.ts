import type { StorybookConfig } from '@storybook/web-components-vite';
import { wallboardManifest } from './manifest-plugin.js';

const PREBUNDLE = [
  '@wallboard/simulator > @faker-js/faker',
  '@wallboard/widgets > @lit/context',
  '@storybook/addon-a11y > axe-core',
  'lit',
  'lit/decorators.js',
  'lit/directive-helpers.js',
  'lit/directive.js',
  'lit/directives/class-map.js',
  'lit/directives/style-map.js',
  'lit/directives/repeat.js',
  'rxjs',
];

// @storybook/addon-docs's preset asks for `react`, `react-dom/client` and `react/jsx-runtime` to be
// pre-bundled by bare name (its `optimizeViteDeps`, and its react-dom-shim's `viteFinal` adds
// `react-dom/client`), which only addon-docs's own alias plugin resolves: pnpm gives this package no React. addon-vitest drops that plugin (docs are off in tests), so every cold test run
// warned "Failed to resolve dependency: react-dom/client, present in client 'optimizeDeps.include'".
// Named through addon-docs, which depends on React, they resolve in every mode, to the files its alias
// points at.
const throughDocs = (dep: string) =>
  /^react(-dom)?(\/|$)/.test(dep) ? `@storybook/addon-docs > ${dep}` : dep;

// `optimizeViteDeps` is the preset property the Vite builder reads; this file is the last preset.
const config: StorybookConfig & { optimizeViteDeps: (deps?: string[]) => string[] } = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  optimizeViteDeps: (deps = []) => deps.map(throughDocs),
  // The theme toolbar sets the background; Storybook's own onboarding is noise in a project Storybook.
  features: { backgrounds: false, sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  viteFinal: (config, { configType }) => ({
    ...config,
    // `storybook build --quiet` still gets Vite's list of every asset; warnings and errors are enough.
    logLevel: configType === 'PRODUCTION' ? 'warn' : config.logLevel,
    plugins: [...(config.plugins ?? []), wallboardManifest()],
    // Pre-bundled up front: a dependency found mid-run makes Vite reload the page under a running test
    // (seen with faker, which the simulator's scenarios load, and axe).
    optimizeDeps: {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []).map(throughDocs), ...PREBUNDLE],
    },
    // axe and the docs renderer are large by nature; the warning says nothing about our code.
    build: { ...config.build, chunkSizeWarningLimit: 2048 },
  }),
};

export default config;
