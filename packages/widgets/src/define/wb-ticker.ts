import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbTicker } from '../ticker.js';

ensureContextRoot();
defineElement('wb-ticker', WbTicker);
