export * from './engine/engine.js';
export type { EngineOptions, QueueConfig } from './engine/options.js';
export { serviceLevel } from './engine/accumulator.js';
export { ZoneCalendar } from './engine/zone-calendar.js';
export { readMetric } from './engine/snapshot.js';
export * from './events.js';
export * from './report.js';
export * from './types.js';
export * from './validate.js';
