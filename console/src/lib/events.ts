import { label } from './format';

/** `details` of an event: a string (this engine today), or an object with a `description` (the earlier engine's shape, and this engine's next). */
export type EventDetails = string | { description?: unknown; [key: string]: unknown } | null | undefined;

/** The readable text of an event's details, whichever shape they come in. */
export function describeDetails(details: EventDetails): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'string') return details;
  if (typeof details.description === 'string' && details.description) return details.description;
  return Object.entries(details)
    .filter(([key, value]) => key !== 'description' && value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

const NAMES: Record<string, string> = {
  cpu_spike: 'CPU spike',
  memory_pressure: 'Memory pressure',
  disk_spike: 'Disk spike',
  process_start: 'Process started',
  process_stop: 'Process stopped',
};

export function eventName(type: string): string {
  return NAMES[type] ?? label(type);
}
