import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { describeDetails, eventName } from '../lib/events';
import { Notice, Section } from '../ui/common';
import { useLoad } from '../ui/use-load';
import { AlertCard } from './alert-card';
import { EventList } from './event-list';

const SEVERITIES = ['info', 'warning', 'critical'];

export function Alerts() {
  const alerts = useLoad(() => call('The alert list', () => api.GET('/api/v1/alerts')), [], { everyMs: 10000 });
  const events = useLoad(() => call('The event log', () => api.GET('/api/v1/events')), [], { everyMs: 5000 });
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState('');
  const [text, setText] = useState('');

  const all = events.data?.events ?? [];
  const types = [...new Set(all.map((e) => e.event_type))].sort();
  const needle = text.trim().toLowerCase();
  const shown = all.filter(
    (e) =>
      (!type || e.event_type === type) &&
      (!severity || e.severity === severity) &&
      (!needle || `${eventName(e.event_type)} ${describeDetails(e.details)}`.toLowerCase().includes(needle)),
  );

  return (
    <>
      <Section id="alerts-title" title="Recent alerts">
        {alerts.failure && <Notice tone="warn">{alerts.failure.message}</Notice>}
        {alerts.data && alerts.data.alerts.length === 0 && <p class="muted">No alerts: no pressure stayed above its threshold for 5 cycles.</p>}
        <div class="alert-list">
          {alerts.data?.alerts.map((alert) => (
            <AlertCard key={alert.timestamp} alert={alert} />
          ))}
        </div>
      </Section>
      <Section id="events-title" title="Event log">
        <div class="filters" role="search" aria-label="Filter events">
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
              <option value="">all</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {eventName(t)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value)}>
              <option value="">all</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Contains
            <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="e.g. chrome" />
          </label>
          <span class="muted" aria-live="polite">
            {shown.length} of {all.length} events
          </span>
        </div>
        {events.failure && <Notice tone="warn">{events.failure.message}</Notice>}
        {events.data && <EventList events={shown} />}
      </Section>
    </>
  );
}
