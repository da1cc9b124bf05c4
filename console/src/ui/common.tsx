import type { ComponentChildren } from 'preact';
import type { ApiPaths } from '../api/schema';

export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'muted';

/** A message in the page. Errors are announced to screen readers as they appear. */
export function Notice({ tone = 'info', children }: { tone?: Tone; children: ComponentChildren }) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** What a page says when this engine lacks the route it needs (an engine older than the console). */
export function Unavailable({ what, method, path }: { what: string; method: string; path: keyof ApiPaths }) {
  return (
    <div class="unavailable" role="status">
      <p>
        <strong>{what} is not available on this engine.</strong>
      </p>
      <p>
        It needs <code>{`${method} ${path}`}</code>, which this engine does not serve. A newer engine has it; everything else in the console works without it.
      </p>
    </div>
  );
}

/** A horizontal bar for a 0–100 value; the number itself is always printed beside it. */
export function Bar({ value, tone }: { value: number | null | undefined; tone?: Tone }) {
  const width = value === null || value === undefined || !Number.isFinite(value) ? 0 : Math.min(100, Math.max(0, value));
  return (
    <span class={`bar ${tone ? `bar-${tone}` : ''}`} aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

export function Pill({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`pill pill-${tone}`}>{children}</span>;
}

const TONES: Record<string, Tone> = {
  low: 'ok',
  stable: 'ok',
  normal: 'ok',
  healthy: 'ok',
  info: 'info',
  moderate: 'warn',
  degraded: 'warn',
  elevated: 'warn',
  warning: 'warn',
  high: 'danger',
  severe: 'danger',
  critical: 'danger',
};

/** The tone of one of the engine's level words (stress levels, stability states, severities, health statuses). */
export function toneOf(level: string | null | undefined): Tone {
  return (level && TONES[level]) || 'muted';
}

export function Section({ title, id, children, actions }: { title: string; id: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <div class="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && <div class="panel-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
