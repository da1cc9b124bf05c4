import type { Alert } from '../api/schema';
import { describeDetails, eventName } from '../lib/events';
import { num, pct, time } from '../lib/format';
import { Pill, toneOf } from '../ui/common';

/** One alert with its root cause: what hit its threshold, the suspect process, and why the engine thinks so. */
export function AlertCard({ alert }: { alert: Alert }) {
  const cause = alert.root_cause;
  const suspect = cause.suspect_process;
  return (
    <article class="alert" aria-label={`${alert.level} alert at ${time(alert.timestamp)}`}>
      <p class="alert-head">
        <Pill tone={toneOf(alert.level)}>{alert.level}</Pill> <time>{time(alert.timestamp)}</time> · stress {num(alert.stress_score)}
      </p>
      <p>{alert.message}</p>
      <dl class="root-cause">
        <div class="line">
          <dt>Root cause</dt>
          <dd>{cause.summary}</dd>
        </div>
        <div class="line">
          <dt>Bottleneck</dt>
          <dd>{cause.primary_bottleneck}</dd>
        </div>
        <div class="line">
          <dt>Suspect</dt>
          <dd>
            {suspect
              ? `${suspect.name} (PID ${suspect.pid}) · CPU ${pct(suspect.current_cpu_percent)} · memory ${pct(suspect.current_memory_percent)}`
              : 'none identified'}
          </dd>
        </div>
        <div class="line">
          <dt>Confidence</dt>
          <dd>{num(cause.confidence_score, 0)} %</dd>
        </div>
        {cause.trigger_event && (
          <div class="line">
            <dt>Trigger</dt>
            <dd>
              {eventName(cause.trigger_event.event_type)}: {describeDetails(cause.trigger_event.details)}
            </dd>
          </div>
        )}
      </dl>
      {alert.top_contributors.length > 0 && (
        <p class="muted">Top contributors: {alert.top_contributors.map((p) => `${p.name} (PID ${p.pid}, impact ${num(p.impact_score)})`).join(', ')}</p>
      )}
    </article>
  );
}
