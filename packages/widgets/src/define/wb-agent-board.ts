import { WbAgentBoard } from '../agent-board.js';
import { ensureContextRoot } from '../internal/context-root.js';
import { defineElement } from '../internal/define-element.js';

ensureContextRoot();
defineElement('wb-agent-board', WbAgentBoard);
