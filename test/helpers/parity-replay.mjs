// Replays a parity trace through a fresh built pipeline (dist/) and prints each cycle in the
// shape of the reference lines, one JSON line per cycle. Run in a child with the trace's TZ:
// the baseline's segments follow the local hour, and a TZ set inside a jest test does not reach
// the Date of the process (jest hands tests a copy of process.env).
//   TZ=Asia/Kolkata node test/helpers/parity-replay.mjs test/fixtures/parity/trace-a.jsonl.gz
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

// The build is loaded by URL so that the typecheck, which runs before any build, does not need dist/.
const built = (name) => import(new URL(`../../dist/engine/pipeline/${name}.js`, import.meta.url).href);
const { AnalysisPipeline } = await built('analysis-pipeline');
const { BASELINE_SEGMENTS, segmentOf } = await built('baseline-model');
const { EARLIER_ENGINE_EVENT_TYPES } = await built('event-logger');
const { DEFAULT_PREFERENCES } = await import(new URL('../../dist/preferences/preferences.record.js', import.meta.url).href);

const lines = gunzipSync(readFileSync(process.argv[2]))
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
/** @type {readonly string[]} */
const EARLIER_KINDS = EARLIER_ENGINE_EVENT_TYPES;
const pipeline = new AnalysisPipeline({ collectionIntervalSec: 2 });
const out = [];
for (const line of lines) {
  const cycle = pipeline.step(line.snapshot, DEFAULT_PREFERENCES, { processesRefreshed: line.processes_refreshed });
  const { total_fired, in_cooldown, cooldown_total_sec, cooldown_remaining_sec, consecutive_high } = cycle.alert;
  const stats = pipeline.exportBaseline();
  const baseline = pipeline.baselineStatus();
  out.push(
    JSON.stringify({
      cycle: line.cycle,
      timestamp: line.timestamp,
      normalized: cycle.normalized,
      trend: cycle.trend,
      anomaly: cycle.anomaly,
      stress: cycle.stress,
      prediction: cycle.prediction,
      stability: cycle.stability,
      alert_state: { total_fired, in_cooldown, cooldown_total_sec, cooldown_remaining_sec, consecutive_high },
      fired: cycle.firedAlert,
      // This engine's own events (level changes, alert fired) are not in the earlier engine's vocabulary.
      events: cycle.events.filter((e) => EARLIER_KINDS.includes(e.event_type)),
      extra_events: cycle.events.filter((e) => !EARLIER_KINDS.includes(e.event_type)),
      processes: pipeline.topProcesses(50),
      baseline: {
        ready: baseline.ready,
        sample_count: baseline.sample_count,
        segment: segmentOf(line.timestamp),
        segment_counts: Object.fromEntries(BASELINE_SEGMENTS.map((s) => [s, stats[s].cpu_percent.count])),
      },
      buffers: cycle.buffers,
    }),
  );
}
process.stdout.write(`${out.join('\n')}\n`);
