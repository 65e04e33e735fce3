import { WbBoard } from '../board.js';
import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';

ensureContextRoot();
defineElement('wb-board', WbBoard);
