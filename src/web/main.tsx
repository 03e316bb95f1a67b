import { render } from 'preact';
import { App } from './app';
import { refresh, watchStatus } from './state';

const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
void refresh();
watchStatus();
