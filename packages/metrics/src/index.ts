export * from './events.js';
export * from './types.js';
export * from './validate.js';
