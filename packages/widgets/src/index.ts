// Classes and helpers only: importing this module registers nothing (see ./define and ./define/*).
export { WbAbandonChart } from './abandon-chart.js';
export { AGENT_STATE_ORDER, AGENT_STATE_WORDS, type AgentRow, WbAgentBoard } from './agent-board.js';
export { WbBoard } from './board.js';
export { WbClock } from './clock.js';
export { Announcer, announcer } from './internal/announcer.js';
export { WbElement, type WbScale, type WbTheme } from './internal/base-element.js';
export { staleContext, storeContext } from './internal/context.js';
export { defineElement } from './internal/define-element.js';
export {
  type ThresholdChangeDetail,
  type ThresholdLevel,
  WbFreshEvent,
  WbStaleEvent,
  WbThresholdChangeEvent,
} from './internal/events.js';
export { formatCount, formatDuration, formatPercent } from './internal/format.js';
export { type ChartSpec, WbIntervalSeries } from './internal/interval-series.js';
export { WbMeasure } from './internal/measure.js';
export { SNAPSHOT_TIME, StoreFeed } from './internal/store-feed.js';
export {
  STATUS_WORDS,
  type ThresholdDirection,
  type Thresholds,
  thresholdLevel,
  WIDGET_STATUSES,
  type WidgetStatus,
  worstLevel,
} from './internal/thresholds.js';
export {
  darkTheme,
  GLOBAL_TOKENS,
  type GlobalToken,
  highContrastTheme,
  lightTheme,
  THEMES,
  type ThemeTokens,
} from './internal/tokens.js';
export { WbWidget } from './internal/widget.js';
export { WbIntervalChart } from './interval-chart.js';
export {
  applyPatch,
  type BackoffOptions,
  backoffDelay,
  type FeedSettingNames,
  feedProblem,
  feedUrl,
  type LiveFeedOptions,
  type LiveFeedState,
  LiveFeedStore,
} from './live/index.js';
export { inferFormat, type MetricFormat, WbMetric } from './metric.js';
export { WbQueueTile } from './queue-tile.js';
export { WbSlGauge } from './sl-gauge.js';
export { readPath, SnapshotStore } from './snapshot-store.js';
export { WbStaffing } from './staffing.js';
export { type TickerMessage, WbTicker } from './ticker.js';
