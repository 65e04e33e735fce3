// The browser side of the live feeds (@wallboard/server): a WallboardStore over SSE or WebSocket.
export { type BackoffOptions, backoffDelay } from './backoff.js';
export {
  type FeedSettingNames,
  feedProblem,
  feedUrl,
  type LiveFeedOptions,
  type LiveFeedState,
  LiveFeedStore,
} from './live-feed-store.js';
export { applyPatch } from './patch.js';
