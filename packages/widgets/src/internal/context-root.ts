import { ContextRoot } from '@lit/context';

let attached = false;

/**
 * Lets a widget that upgrades before its `wb-board` (define modules loaded in any order, or a board
 * defined late) still receive the store: the root keeps unanswered requests and replays them when a
 * provider appears. Called by the define modules, once per page.
 */
export function ensureContextRoot(): void {
  if (attached || typeof document === 'undefined') return;
  attached = true;
  new ContextRoot().attach(document.documentElement);
}
