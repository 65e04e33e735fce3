// Registers every element under its wb-* name. The board comes first so widgets parsed inside it find
// their store as soon as they upgrade.
import './define/wb-board.js';
import './define/wb-sl-gauge.js';
import './define/wb-metric.js';
import './define/wb-queue-tile.js';
import './define/wb-clock.js';
import './define/wb-ticker.js';
import './define/wb-interval-chart.js';
import './define/wb-abandon-chart.js';
import './define/wb-agent-board.js';
import './define/wb-staffing.js';
