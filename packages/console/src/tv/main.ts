import '@wallboard/widgets/define';
import './tv.css';
import { startTv } from './tv.js';

const root = document.getElementById('tv');
if (!root) throw new Error('#tv is missing from tv.html');
void startTv(root, location);
