import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { useTheme } from '../ui/theme';

export interface SeriesSpec {
  label: string;
  /** A CSS custom property holding the line colour, e.g. `--chart-cpu`. */
  colorVar: string;
  unit: string;
}

interface Props {
  id: string;
  title: string;
  series: SeriesSpec[];
  data: uPlot.AlignedData;
  /** The performance measure recorded for each redraw after new data (e.g. `history-draw-30d`). */
  measure: string;
  /** A mark set when the data was asked for: `<measure>-total` then spans request, answer and draw. */
  requestMark: string;
  onZoom: (fromSec: number, toSec: number) => void;
  onReset: () => void;
}

const HEIGHT = 240;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function options(props: Props, width: number, onDrawn: (u: uPlot) => void): uPlot.Options {
  const axis = { stroke: cssVar('--fg-muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid') } };
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `${t}`) }],
    series: [
      { label: 'Time' },
      ...props.series.map((s) => ({
        label: s.label,
        stroke: cssVar(s.colorVar),
        width: 1.5,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v.toFixed(1)}${s.unit}`),
      })),
    ],
    cursor: { drag: { x: true, y: false, setScale: false } },
    hooks: {
      draw: [onDrawn],
      setSelect: [
        (u) => {
          if (u.select.width < 4) return;
          const from = u.posToVal(u.select.left, 'x');
          const to = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          props.onZoom(from, to);
        },
      ],
    },
  };
}

/**
 * A uPlot time chart (0–100). Drag across it to zoom (the page then loads finer buckets for that
 * window), double-click to go back. Each draw after new data is timed with performance marks.
 */
export function TimeChart(props: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const pending = useRef(false);
  const latest = useRef(props);
  latest.current = props;
  const theme = useTheme();

  const onDrawn = (u: uPlot) => {
    if (!pending.current || !holder.current) return;
    pending.current = false;
    const { measure, requestMark } = latest.current;
    const entry = performance.measure(measure, `${measure}:start`);
    if (performance.getEntriesByName(requestMark, 'mark').length > 0) performance.measure(`${measure}-total`, requestMark);
    holder.current.dataset.drawMs = entry.duration.toFixed(1);
    holder.current.dataset.points = String(u.data[0].length);
    holder.current.dataset.measure = measure;
  };

  useEffect(() => {
    const element = holder.current;
    if (!element) return undefined;
    performance.mark(`${latest.current.measure}:start`);
    pending.current = true;
    const chart = new uPlot(options(latest.current, Math.max(320, element.clientWidth), onDrawn), latest.current.data, element);
    plot.current = chart;
    const reset = () => latest.current.onReset();
    chart.over.addEventListener('dblclick', reset);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [theme]);

  useEffect(() => {
    if (!plot.current || plot.current.data === props.data) return;
    performance.mark(`${props.measure}:start`);
    pending.current = true;
    plot.current.setData(props.data);
  }, [props.data]);

  return (
    <figure class="chart">
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <div ref={holder} class="chart-area" id={props.id} role="img" aria-labelledby={`${props.id}-caption`} />
    </figure>
  );
}
