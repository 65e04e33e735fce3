import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbStaffing } from '../staffing.js';

ensureContextRoot();
defineElement('wb-staffing', WbStaffing);
