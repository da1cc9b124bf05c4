import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { bucketSeconds, MAX_POINTS, RANGES, type RangeId } from '../lib/buckets';
import { duration, time } from '../lib/format';
import { toColumns } from '../lib/series';
import { Notice } from '../ui/common';
import { useLoad } from '../ui/use-load';
import { ExportPanel } from './export-panel';
import { TimeChart, type SeriesSpec } from './time-chart';

type Agg = 'avg' | 'min' | 'max';

const RESOURCES: SeriesSpec[] = [
  { label: 'CPU', colorVar: '--chart-cpu', unit: ' %' },
  { label: 'Memory', colorVar: '--chart-memory', unit: ' %' },
  { label: 'Disk pressure', colorVar: '--chart-disk', unit: ' %' },
];
const SCORES: SeriesSpec[] = [
  { label: 'Stress', colorVar: '--chart-stress', unit: '' },
  { label: 'Stability', colorVar: '--chart-stability', unit: '' },
];

export function History() {
  const [range, setRange] = useState<RangeId>('24h');
  const [agg, setAgg] = useState<Agg>('avg');
  const [view, setView] = useState(() => ({ to: Date.now() / 1000, zoomed: null as null | { from: number; to: number } }));
  const [sampleIntervalSec, setSampleInterval] = useState(30);
  const area = useRef<HTMLDivElement>(null);
  const seconds = RANGES.find((r) => r.id === range)!.seconds;
  const from = view.zoomed?.from ?? view.to - seconds;
  const to = view.zoomed?.to ?? view.to;
  // One bucket per pixel of the plotting area (the chart's width less its y axis), measured before the first load.
  const [width, setWidth] = useState(0);
  const measureWidth = () => setWidth(Math.max(200, (area.current?.clientWidth ?? 1000) - 60));
  useLayoutEffect(measureWidth, []);
  const granularity = bucketSeconds(to - from, width, sampleIntervalSec);

  const rangeKey = view.zoomed ? 'zoom' : range;
  const history = useLoad(
    () => {
      performance.mark(`history-request-${rangeKey}`);
      return call('The history', () => api.GET('/api/v1/history', { params: { query: { from, to, granularity, agg, limit: MAX_POINTS } } }));
    },
    [from, to, granularity, agg],
    { enabled: width > 0 },
  );
  useEffect(() => {
    if (history.data) setSampleInterval(history.data.summary.min_interval_sec);
  }, [history.data]);
  const columns = useMemo(() => toColumns(history.data?.samples ?? []), [history.data]);

  const pick = (id: RangeId) => {
    setRange(id);
    measureWidth();
    setView({ to: Date.now() / 1000, zoomed: null });
  };
  const zoom = (zFrom: number, zTo: number) => setView((w) => ({ ...w, zoomed: { from: zFrom, to: zTo } }));
  const reset = () => setView((w) => ({ ...w, zoomed: null }));
  const measure = `history-draw-${rangeKey}`;

  return (
    <>
      <div class="toolbar" role="toolbar" aria-label="History range">
        <div class="segmented" role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button type="button" key={r.id} aria-pressed={range === r.id && !view.zoomed} onClick={() => pick(r.id)}>
              {r.label}
            </button>
          ))}
        </div>
        <label>
          Buckets
          <select value={agg} onChange={(e) => setAgg(e.currentTarget.value as Agg)}>
            <option value="avg">average</option>
            <option value="min">minimum</option>
            <option value="max">maximum</option>
          </select>
        </label>
        <button type="button" onClick={reset} disabled={!view.zoomed}>
          Reset zoom
        </button>
        <span class="muted" aria-live="polite" data-testid="history-summary">
          {time(from)} – {time(to)} · {duration(granularity)} buckets ·{' '}
          {history.data ? `${history.data.samples.length} points` : history.loading ? 'loading…' : ''}
        </span>
      </div>
      <p class="muted">Drag across a chart to zoom into that window; double-click or “Reset zoom” to go back.</p>
      {history.failure && <Notice tone="warn">{history.failure.message}</Notice>}
      {history.data && history.data.samples.length === 0 && (
        <Notice>No history in this range yet: the engine stores one sample every {duration(sampleIntervalSec)}.</Notice>
      )}
      <div ref={area} class="charts" data-range={view.zoomed ? 'zoom' : range} data-loaded={history.data && !history.loading ? 'yes' : 'no'}>
        <TimeChart
          id="chart-resources"
          title="CPU, memory and disk pressure (%)"
          series={RESOURCES}
          data={columns.resources}
          measure={`${measure}-resources`}
          requestMark={`history-request-${rangeKey}`}
          onZoom={zoom}
          onReset={reset}
        />
        <TimeChart
          id="chart-scores"
          title="Stress and stability (0–100)"
          series={SCORES}
          data={columns.scores}
          measure={`${measure}-scores`}
          requestMark={`history-request-${rangeKey}`}
          onZoom={zoom}
          onReset={reset}
        />
      </div>
      <ExportPanel from={from} to={to} />
    </>
  );
}
