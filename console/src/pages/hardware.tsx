import { useEffect, useState } from 'preact/hooks';
import { api, call, type Outcome } from '../api/client';
import type { HardwareComponent, HardwareHealth } from '../api/schema';
import { useRoute } from '../api/routes';
import { bytes, label, time } from '../lib/format';
import { Notice, Pill, Section, toneOf, Unavailable } from '../ui/common';

const HEALTH = '/api/v1/hardware/health';
type Target = 'cpu' | 'memory' | 'disk';

const COMPONENTS: { key: keyof HardwareHealth['components']; title: string; target: Target; test: string }[] = [
  { key: 'cpu', title: 'CPU', target: 'cpu', test: 'Test CPU' },
  { key: 'memory', title: 'Memory', target: 'memory', test: 'Test memory' },
  { key: 'disks', title: 'Storage devices', target: 'disk', test: 'Test storage' },
];

function metricText(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'not available';
  if (typeof value === 'number') return key.endsWith('_bytes') ? bytes(value) : key.endsWith('_pct') || key.endsWith('percent') ? `${value} %` : String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `${value.length} entries`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Items differ per component (memory modules, physical disks, volumes); the card shows their common fields.
type ItemFields = Record<string, unknown>;

function itemTitle(item: ItemFields): string {
  const named = ['name', 'mountpoint', 'slot', 'device'].map((k) => item[k]).find((v) => typeof v === 'string' && v);
  return `${typeof item.kind === 'string' ? `${item.kind}: ` : ''}${(named as string | undefined) ?? 'item'}`;
}

function ComponentCard({
  title,
  component,
  test,
  busy,
  onTest,
}: {
  title: string;
  component: HardwareComponent;
  test: string;
  busy: boolean;
  onTest: () => void;
}) {
  const id = `hw-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Section
      id={id}
      title={title}
      actions={
        <>
          <Pill tone={toneOf(component.status)}>{component.status}</Pill>
          <button type="button" disabled={busy} onClick={onTest}>
            {test}
          </button>
        </>
      }
    >
      {component.issues.length > 0 && (
        <ul class="issues">
          {component.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <dl class="metrics">
        {Object.entries(component.metrics).map(([key, value]) => (
          <div class="line" key={key}>
            <dt>{label(key)}</dt>
            <dd>{metricText(key, value)}</dd>
          </div>
        ))}
      </dl>
      {component.items.length > 0 && (
        <ul class="hw-items">
          {(component.items as ItemFields[]).map((item, i) => (
            <li key={i}>
              <strong>{itemTitle(item)}</strong> {typeof item.status === 'string' && <Pill tone={toneOf(item.status)}>{item.status}</Pill>}
              {typeof item.total_bytes === 'number' && typeof item.free_bytes === 'number' && (
                <span class="muted">
                  {' '}
                  {bytes(item.free_bytes)} free of {bytes(item.total_bytes)}
                  {typeof item.fstype === 'string' && ` (${item.fstype})`}
                </span>
              )}
              {typeof item.size_bytes === 'number' && <span class="muted"> {bytes(item.size_bytes)}</span>}
              {Array.isArray(item.issues) && item.issues.length > 0 && <span class="issues-inline"> {item.issues.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Hardware() {
  const served = useRoute('GET', HEALTH);
  const [health, setHealth] = useState<HardwareHealth | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (what: string, send: () => Promise<Outcome<HardwareHealth>>) => {
    setBusy(what);
    const outcome = await send();
    setBusy(null);
    if (outcome.ok) {
      setHealth(outcome.data);
      setProblem(null);
    } else setProblem(health ? `${outcome.message} Showing the last good report below.` : outcome.message);
  };
  const load = (refresh: boolean) =>
    run(refresh ? 'Refreshing…' : 'Loading…', () => call('The hardware health report', () => api.GET(HEALTH, { params: { query: { refresh } } })));
  const test = (target: Target, name: string) =>
    run(`Running the ${name} test…`, () => call(`The ${name} test`, () => api.GET('/api/v1/hardware/test', { params: { query: { target } } })));

  useEffect(() => {
    if (served) void load(false);
  }, [served]);

  if (served === false) return <Unavailable what="Hardware health" method="GET" path={HEALTH} />;
  return (
    <>
      <div class="toolbar">
        {health && (
          <span>
            Overall <Pill tone={toneOf(health.overall)}>{health.overall}</Pill> · report of {time(health.ts)}
          </span>
        )}
        <button type="button" disabled={busy !== null} onClick={() => void load(true)}>
          Refresh
        </button>
        {busy && (
          <span class="muted" aria-live="polite">
            {busy} (probes can take 10–20 s)
          </span>
        )}
      </div>
      {problem && <Notice tone="warn">{problem}</Notice>}
      {health &&
        COMPONENTS.map((c) => (
          <ComponentCard
            key={c.key}
            title={c.title}
            component={health.components[c.key]}
            test={c.test}
            busy={busy !== null}
            onTest={() => void test(c.target, c.title.toLowerCase())}
          />
        ))}
    </>
  );
}
