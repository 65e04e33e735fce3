// Bundles the Node entry points (CLI, benchmark) into dist/ (see scripts/build-node.mjs at the root).
import { build } from 'esbuild';
import { buildNodeEntries } from '../../../scripts/build-node.mjs';

await buildNodeEntries(build);
