/** @wallboard/server: the live-feeds server as a library (the CLI is src/cli.ts). */
export { CorsPolicy } from './access/cors.js';
export { type Grants, parseTokens, scopeAllowed, type TokenTable } from './access/tokens.js';
export {
  ConfigError,
  DEFAULTS,
  type RunningServer,
  type ServerConfig,
  type SourceSpec,
  startServer,
} from './app.js';
export { applyPatch, diff, type Json, type JsonObject } from './stream/patch.js';
export type { Frame, StreamSettings, StreamState } from './stream/types.js';
