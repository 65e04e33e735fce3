import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbSlGauge } from '../sl-gauge.js';

ensureContextRoot();
defineElement('wb-sl-gauge', WbSlGauge);
