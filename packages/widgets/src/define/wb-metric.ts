import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbMetric } from '../metric.js';

ensureContextRoot();
defineElement('wb-metric', WbMetric);
