import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Status } from '../api/schema';
import { bytes, duration, num, pct } from '../lib/format';
import { useLive } from '../live';
import { Bar, Notice, Pill, toneOf } from '../ui/common';
import { AlertCard } from './alert-card';
import { EventList } from './event-list';
import { ProcessTable } from './process-table';
import { useLoad } from '../ui/use-load';

function Card({
  id,
  title,
  value,
  unit,
  tone,
  level,
  children,
}: {
  id: string;
  title: string;
  value: string;
  unit?: string;
  tone?: string;
  level?: string;
  children?: ComponentChildren;
}) {
  return (
    <article class="card" aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{title}</h2>
      <p class="value">
        <span data-metric={id}>{value}</span>
        {unit && <span class="unit">{unit}</span>}
        {level && <Pill tone={toneOf(tone ?? level)}>{level}</Pill>}
      </p>
      {children}
    </article>
  );
}

function Line({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="line">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ScoreCards({ status }: { status: Status }) {
  const { stress, stability, anomaly, prediction } = status;
  return (
    <>
      <Card id="stress" title="Stress" value={num(stress?.score)} unit="/ 100" level={stress?.level}>
        <dl>
          <Line name="Weights">
            {stress ? `CPU ${num(stress.weights.cpu, 2)} · memory ${num(stress.weights.memory, 2)} · disk ${num(stress.weights.disk, 2)}` : '—'}
          </Line>
        </dl>
      </Card>
      <Card id="stability" title="Stability" value={num(stability?.score)} unit="/ 100" level={stability?.state}>
        <dl>
          <Line name="Stress penalty">{num(stability?.components.stress_penalty)}</Line>
          <Line name="Risk penalty">{num(stability?.components.risk_penalty)}</Line>
          <Line name="Anomaly penalty">{num(stability?.components.anomaly_penalty)}</Line>
        </dl>
      </Card>
      <Card id="anomaly" title="Anomaly" value={num(anomaly?.score)} unit="/ 100" level={anomaly?.level}>
        <dl>
          <Line name="z-scores">
            {anomaly ? `CPU ${num(anomaly.z_scores.cpu, 2)} · memory ${num(anomaly.z_scores.memory, 2)} · disk ${num(anomaly.z_scores.disk, 2)}` : '—'}
          </Line>
          <Line name="Sustained">{anomaly ? (anomaly.is_sustained ? 'yes' : 'no') : '—'}</Line>
        </dl>
      </Card>
      <Card id="risk" title="Risk" value={num(prediction?.risk_score)} unit="/ 100">
        <dl>
          <Line name="Memory full in">
            {prediction?.memory_exhaustion_eta_sec == null ? 'not heading there' : duration(prediction.memory_exhaustion_eta_sec)}
          </Line>
          <Line name="CPU critical in">{prediction?.cpu_critical_eta_sec == null ? 'not heading there' : duration(prediction.cpu_critical_eta_sec)}</Line>
        </dl>
      </Card>
    </>
  );
}

function PressureCards({ status }: { status: Status }) {
  const pressures = status.stress?.pressures;
  const { normalized } = status;
  const pressure = (id: string, title: string, value: number | undefined, detail: string) => (
    <Card id={`${id}-pressure`} title={title} value={num(value)} unit="%">
      <Bar value={value} tone={value !== undefined && value >= 80 ? 'danger' : value !== undefined && value >= 60 ? 'warn' : 'ok'} />
      <p class="detail">{detail}</p>
    </Card>
  );
  return (
    <>
      {pressure('cpu', 'CPU pressure', pressures?.cpu, normalized ? `CPU ${pct(normalized.cpu.raw)} now, ${pct(normalized.cpu.smoothed)} smoothed` : '—')}
      {pressure(
        'memory',
        'Memory pressure',
        pressures?.memory,
        normalized ? `${bytes(normalized.memory.used)} of ${bytes(normalized.memory.total)} used · swap ${pct(normalized.swap_percent)}` : '—',
      )}
      {pressure(
        'disk',
        'Disk pressure',
        pressures?.disk,
        normalized ? `${num(normalized.disk_io.total_ops_per_sec)} ops/s · ${bytes(normalized.disk_io.total_bytes_per_sec)}/s` : '—',
      )}
    </>
  );
}

function EngineLine({ status }: { status: Status }) {
  const { engine } = status;
  return (
    <p class="engine-line">
      Engine {engine.version} · {engine.uptime_samples.toLocaleString('en-US')} cycles since start · baseline{' '}
      {engine.baseline_ready ? 'ready' : `learning (${engine.baseline_samples} samples so far)`}
      {engine.warm_started && ' · showing the last checkpoint until the first fresh cycle'}
      {engine.previous_run_unclean && ' · the previous run ended without a clean stop'}
    </p>
  );
}

export function Overview() {
  const live = useLive();
  const events = useLoad(() => call('The event log', () => api.GET('/api/v1/events')), [], { everyMs: 5000 });
  const processes = useLoad(() => call('Top processes', () => api.GET('/api/v1/processes', { params: { query: { limit: 8 } } })), [], { everyMs: 5000 });
  const status = live.status;
  useEffect(() => {
    if (status?.stress && performance.getEntriesByName('overview-data').length === 0) performance.mark('overview-data');
  }, [status]);
  if (!status) return <Notice>{live.connection === 'down' ? 'The engine is not answering; waiting for it…' : 'Waiting for the first status…'}</Notice>;
  const lastAlert = status.alert.last_alert;
  return (
    <>
      <EngineLine status={status} />
      {!status.stress && <Notice>No cycle has run yet: the cards fill in after the first one.</Notice>}
      <div class="cards">
        <ScoreCards status={status} />
        <PressureCards status={status} />
      </div>
      <div class="columns">
        <section class="panel" aria-labelledby="latest-alert">
          <h2 id="latest-alert">Latest alert</h2>
          {lastAlert ? <AlertCard alert={lastAlert} /> : <p class="muted">No alert since the engine started ({status.alert.total_fired} fired).</p>}
        </section>
        <section class="panel" aria-labelledby="timeline">
          <h2 id="timeline">Event timeline</h2>
          {events.failure && <Notice tone="warn">{events.failure.message}</Notice>}
          {events.data && <EventList events={events.data.events.slice(0, 12)} />}
        </section>
      </div>
      <section class="panel" aria-labelledby="top-processes">
        <h2 id="top-processes">Top processes</h2>
        {processes.failure && <Notice tone="warn">{processes.failure.message}</Notice>}
        {processes.data && <ProcessTable processes={processes.data.processes} compact />}
      </section>
    </>
  );
}
