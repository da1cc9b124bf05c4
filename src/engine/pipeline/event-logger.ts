import { TimeSeriesBuffer } from './time-series-buffer.js';

export const EVENT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

/** The earlier engine's event types; its dashboard picks icons by them. */
export const EARLIER_ENGINE_EVENT_TYPES = ['cpu_spike', 'memory_pressure', 'disk_spike', 'process_start', 'process_stop'] as const;
/** Events only this engine logs. */
export const ENGINE_EVENT_TYPES = ['stress_level_change', 'anomaly_level_change', 'alert_fired', 'process_action', 'clock_jump'] as const;
export const EVENT_TYPES = [...EARLIER_ENGINE_EVENT_TYPES, ...ENGINE_EVENT_TYPES] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type EventDetailValue = string | number | boolean | null;

/**
 * The keys the earlier engine writes for the event's type (e.g. `{"pid":10428}`), plus
 * `description`, the sentence the dashboard shows.
 */
export interface EventDetails {
  description: string;
  // Optional keys of the wire twin (EventDetailsDto) are absent, never undefined.
  [key: string]: EventDetailValue | undefined;
}

// SPEC §4 GET /events; also an alert's root_cause.trigger_event (§5).
export interface EventRecord {
  timestamp: number;
  event_type: EventType;
  severity: EventSeverity;
  details: EventDetails;
}

/** How many events GET /events answers, newest first, as the earlier engine. */
export const EVENTS_SERVED = 50;

/** The most recent notable engine events, bounded so a flapping signal cannot grow memory. */
export class EventLogger {
  private readonly events: TimeSeriesBuffer<EventRecord>;

  constructor(readonly capacity = 200) {
    this.events = new TimeSeriesBuffer<EventRecord>(capacity);
  }

  log(event: EventRecord): EventRecord {
    this.events.push(event);
    return event;
  }

  /** Newest first, at most `limit`. */
  list(limit = this.capacity): EventRecord[] {
    return this.events.last(limit).reverse();
  }
}
