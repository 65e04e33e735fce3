import { createContext } from '@lit/context';
import type { WallboardStore } from '@wallboard/metrics';

/**
 * The store a `wb-board` offers to the widgets inside it. The object is stable (the board provides the
 * store, never a snapshot), so the context notifies only when the board is handed another store.
 */
export const storeContext = createContext<WallboardStore | undefined>(Symbol.for('wallboard.store'));

/** Whether the nearest board considers its data stale (no snapshot for `staleAfter` seconds). */
export const staleContext = createContext<boolean>(Symbol.for('wallboard.stale'));
