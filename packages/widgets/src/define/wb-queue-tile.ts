import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';
import { WbQueueTile } from '../queue-tile.js';

ensureContextRoot();
defineElement('wb-queue-tile', WbQueueTile);
