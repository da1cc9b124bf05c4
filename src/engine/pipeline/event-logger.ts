import { TimeSeriesBuffer } from './time-series-buffer.js';

export type EventSeverity = 'info' | 'warning' | 'critical';

// SPEC §4 GET /events; also an alert's root_cause.trigger_event (§5).
export interface EventRecord {
  timestamp: number;
  event_type: string;
  severity: EventSeverity;
  details: string;
}

/** The most recent notable engine events, bounded so a flapping signal cannot grow memory. */
export class EventLogger {
  private readonly events: TimeSeriesBuffer<EventRecord>;

  constructor(readonly capacity = 200) {
    this.events = new TimeSeriesBuffer<EventRecord>(capacity);
  }

  get count(): number {
    return this.events.count;
  }

  log(event: EventRecord): EventRecord {
    this.events.push(event);
    return event;
  }

  /** Newest first, at most `limit`. */
  list(limit = this.capacity): EventRecord[] {
    return this.events.last(limit).reverse();
  }

  /** Events at or after `timestamp`, newest first. */
  since(timestamp: number): EventRecord[] {
    return this.list().filter((event) => event.timestamp >= timestamp);
  }

  clear(): void {
    this.events.clear();
  }
}
