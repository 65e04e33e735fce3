// One module holding React and ReactDOM together (they must share one React instance).
export { createElement, useEffect, useRef, useState } from 'react';
export { flushSync } from 'react-dom';
export { createRoot } from 'react-dom/client';
