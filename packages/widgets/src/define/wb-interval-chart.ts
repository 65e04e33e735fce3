import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbIntervalChart } from '../interval-chart.js';

ensureContextRoot();
defineElement('wb-interval-chart', WbIntervalChart);
