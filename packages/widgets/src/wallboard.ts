// The one-file bundle (dist/wallboard.js): every class and helper, and every wb-* element defined.
import './define.js';

export * from './index.js';
