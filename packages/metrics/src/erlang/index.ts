export { erlangA } from './erlang-a.js';
export { erlangB } from './erlang-b.js';
export { erlangC } from './erlang-c.js';
export { DEFAULT_THRESHOLD_SEC, type QueueFigures, type QueueModel } from './model.js';
export { MAX_STAFFING_LOAD, type StaffingRequest, type StaffingResult, staff } from './staffing.js';
