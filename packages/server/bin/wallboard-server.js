#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('wallboard-server is not built yet: run `pnpm -r build` in the repository root first.');
  process.exit(1);
}
const { runCli } = await import(cli.href);
runCli();
