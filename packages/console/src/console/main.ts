import '@wallboard/widgets/define';
import './timeline-overlay.js';
import './console.css';
import { ConsoleApp } from './app.js';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
const app = new ConsoleApp(root);

// Space pauses or resumes and "." steps, unless the trainer is typing or on a control that uses the key.
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement | null;
  if (t?.closest('input, select, textarea, button, summary, a, [contenteditable]')) return;
  if (e.key === ' ') {
    e.preventDefault();
    void app.togglePause();
  } else if (e.key === '.') {
    e.preventDefault();
    void app.step();
  }
});

// For the end-to-end tests and the curious: the app's state, read-only in spirit.
(window as unknown as { wallboardConsole: ConsoleApp }).wallboardConsole = app;
