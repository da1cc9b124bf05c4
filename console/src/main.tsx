import { render } from 'preact';
import { App } from './app';
import { startLive } from './live';
import { applyTheme, storedTheme } from './ui/theme';
import './styles.css';

applyTheme(storedTheme());
startLive();
render(<App />, document.getElementById('app')!);
