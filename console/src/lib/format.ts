// Formatting for people: every number the console shows goes through here.

const DASH = '—';

export function num(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : value.toFixed(digits);
}

export function pct(value: number | null | undefined, digits = 1): string {
  const text = num(value, digits);
  return text === DASH ? text : `${text} %`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  let size = Math.max(0, value);
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  return unit === 0 ? `${size} B` : `${size.toFixed(size < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** A duration in seconds as "45 s", "12 min", "3 h 20 min", "2 d 4 h"; a dash when unknown. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.round((s % 86400) / 3600)} h`;
}

/** Unix seconds as a local date and time. */
export function time(unixSec: number | null | undefined): string {
  if (unixSec === null || unixSec === undefined || !Number.isFinite(unixSec)) return DASH;
  return new Date(unixSec * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : Math.round(value).toLocaleString('en-US');
}

/** "cpu_spike" → "CPU spike", "memory_pressure" → "Memory pressure". */
export function label(snake: string): string {
  const words = snake.split('_').filter(Boolean);
  return words.map((word, i) => (word === 'cpu' ? 'CPU' : i === 0 ? word[0].toUpperCase() + word.slice(1) : word)).join(' ');
}
