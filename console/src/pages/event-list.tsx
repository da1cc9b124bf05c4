import type { EngineEvent } from '../api/schema';
import { describeDetails, eventName } from '../lib/events';
import { time } from '../lib/format';
import { Pill, toneOf } from '../ui/common';

/** Events newest first, as a table: when, what, how serious, and the readable details. */
export function EventList({ events }: { events: readonly EngineEvent[] }) {
  if (events.length === 0) return <p class="muted">No events recorded yet.</p>;
  return (
    <table class="events">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">Severity</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, i) => (
          <tr key={`${event.timestamp}-${i}`}>
            <td class="nowrap">{time(event.timestamp)}</td>
            <td>{eventName(event.event_type)}</td>
            <td>
              <Pill tone={toneOf(event.severity)}>{event.severity}</Pill>
            </td>
            <td>{describeDetails(event.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
