/**
 * @wallboard/simulator: a discrete-event call-center simulator that emits the wallboard event schema.
 * Everything exported here is free of Node APIs (it runs in browsers and Web Workers); the CLI and file
 * output live in src/cli* and src/node/.
 */
export { type Clock, type ClockCallbacks, PacedClock, realTimer, type Timer, VirtualClock } from './clock.js';
export type { EventSink } from './engine/core.js';
export { type DistSpec, Sampler } from './engine/distributions.js';
export type {
  AgentSelector,
  Model,
  ModelAgent,
  ModelBreak,
  ModelIncident,
  ModelQueue,
  OverflowRule,
  SurveyModel,
} from './engine/model.js';
export { Rng } from './engine/rng.js';
export {
  ControlError,
  type ControlRecord,
  type NameSource,
  type PartnerTotals,
  type SimSummary,
  Simulation,
  type SimulationOptions,
} from './engine/simulation.js';
export type { CallTotals, QueueTotals } from './engine/stats.js';
export { NdjsonChunker, ndjson, toNdjsonLine } from './ndjson.js';
export { type CompiledScenario, type CompileOptions, compileScenario } from './scenario/compile.js';
export { BUILT_IN_NAMES, builtInScenario, listScenarios, type ScenarioListing } from './scenario/library.js';
export { type LoadedScenario, loadScenario, loadScenarioText } from './scenario/load.js';
export { DEFAULT_START, parseClock, parseDuration } from './scenario/time.js';
export type * from './scenario/types.js';
export { type ScenarioValidation, validateScenario } from './scenario/validate.js';
export { ScenarioError, type SessionOptions, SimulationSession, simulate } from './session.js';
