import { WbAbandonChart } from '../abandon-chart.js';
import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';

ensureContextRoot();
defineElement('wb-abandon-chart', WbAbandonChart);
