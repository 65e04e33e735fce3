import type { StorybookConfig } from '@storybook/web-components-vite';
import { wallboardManifest } from './manifest-plugin.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: (config) => ({
    ...config,
    plugins: [...(config.plugins ?? []), wallboardManifest()],
    // axe and the docs renderer are large by nature; the warning says nothing about our code.
    build: { ...config.build, chunkSizeWarningLimit: 2048 },
  }),
};

export default config;
