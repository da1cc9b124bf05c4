import type { FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { onTokenChange, storedToken, storeToken } from './api/token';
import { useLive } from './live';
import { Alerts } from './pages/alerts';
import { Hardware } from './pages/hardware';
import { Overview } from './pages/overview';
import { Processes } from './pages/processes';
import { Settings } from './pages/settings';
import { Storage } from './pages/storage';
import { Notice } from './ui/common';
import { ConfirmHost, TokenHost } from './ui/dialogs';
import { applyTheme, storedTheme, type ThemeChoice } from './ui/theme';

/** The History page and uPlot load only when the page is opened: the other pages start without them. */
function History() {
  const [Page, setPage] = useState<FunctionComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./pages/history').then(
      (module) => setPage(() => module.History),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <Notice tone="warn">The charts could not be loaded: the engine is not answering. Reload the page once it is back.</Notice>;
  return Page ? <Page /> : <Notice>Loading the charts…</Notice>;
}

export const PAGES: { id: string; title: string; Page: FunctionComponent }[] = [
  { id: 'overview', title: 'Overview', Page: Overview },
  { id: 'history', title: 'History', Page: History },
  { id: 'processes', title: 'Processes', Page: Processes },
  { id: 'alerts', title: 'Alerts & events', Page: Alerts },
  { id: 'hardware', title: 'Hardware', Page: Hardware },
  { id: 'storage', title: 'Storage', Page: Storage },
  { id: 'settings', title: 'Settings', Page: Settings },
];

function useHashPage(): string {
  const read = () => location.hash.replace(/^#\/?/, '') || 'overview';
  const [page, setPage] = useState(read);
  useEffect(() => {
    const onChange = () => setPage(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return page;
}

/** The engine's reachability, always visible: live, reconnecting after a restart, or silent for too long. */
function ConnectionBadge() {
  const live = useLive();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 2000);
    return () => clearInterval(timer);
  }, []);
  const silentSec = live.receivedAtMs ? Math.round((now - live.receivedAtMs) / 1000) : 0;
  const [tone, text] =
    live.connection === 'down'
      ? ['danger', 'Engine unreachable, reconnecting…']
      : live.connection === 'connecting'
        ? ['muted', 'Connecting…']
        : silentSec > 15
          ? ['warn', `No update for ${silentSec} s`]
          : ['ok', 'Live'];
  return (
    <span class={`connection pill pill-${tone}`} role="status" data-connection={live.connection}>
      {text}
    </span>
  );
}

function HeaderControls() {
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  const [hasToken, setHasToken] = useState(Boolean(storedToken()));
  useEffect(() => onTokenChange(() => setHasToken(Boolean(storedToken()))), []);
  return (
    <div class="header-controls">
      <ConnectionBadge />
      <label>
        Theme
        <select
          value={theme}
          onChange={(e) => {
            const choice = e.currentTarget.value as ThemeChoice;
            setTheme(choice);
            applyTheme(choice);
          }}
        >
          <option value="auto">system</option>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </label>
      {hasToken && (
        <button type="button" class="small" onClick={() => storeToken(null)}>
          Forget token
        </button>
      )}
    </div>
  );
}

export function App() {
  const id = useHashPage();
  const page = PAGES.find((p) => p.id === id) ?? PAGES[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A layout effect: focus moves in the same commit that renders the new heading, so neither a screen
  // reader nor a quick keyboard user ever meets the new page with focus left on the old link.
  useLayoutEffect(() => {
    document.title = `${page.title} · SentraCore`;
    // After a navigation (not the first load), move focus to the new page's heading.
    if (!first.current) heading.current?.focus();
    first.current = false;
  }, [page.id]);
  const live = useLive();
  return (
    <>
      <a
        class="skip"
        href={`#/${page.id}`}
        onClick={(event) => {
          event.preventDefault();
          heading.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <span class="brand">SentraCore</span>
        <HeaderControls />
      </header>
      <div class="layout">
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.id}>
                <a href={`#/${p.id}`} aria-current={p.id === page.id ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" data-page={page.id} class={live.connection === 'down' ? 'stale' : undefined}>
          <h1 ref={heading} tabIndex={-1}>
            {page.title}
          </h1>
          {live.connection === 'down' && (
            <p class="notice notice-danger" role="alert">
              The engine is not answering (it may be restarting). The console reconnects by itself; what is shown below is the last known state.
            </p>
          )}
          <page.Page key={page.id} />
        </main>
      </div>
      <ConfirmHost />
      <TokenHost />
    </>
  );
}
