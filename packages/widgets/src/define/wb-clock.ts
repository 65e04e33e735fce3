import { WbClock } from '../clock.js';
import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';

ensureContextRoot();
defineElement('wb-clock', WbClock);
