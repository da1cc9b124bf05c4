import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { bytes, count, time } from '../lib/format';
import { Notice, Section } from '../ui/common';
import { useLoad } from '../ui/use-load';

/** Writes the shown range, every stored sample of it, as CSV or JSONL into the engine's reports/ folder. */
export function ExportPanel({ from, to }: { from: number; to: number }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'danger'; text: string } | null>(null);
  const reports = useLoad(() => call('The report list', () => api.GET('/api/v1/reports')), []);

  const exportAs = async (format: 'csv' | 'jsonl') => {
    setBusy(true);
    const outcome = await call(`Export as ${format.toUpperCase()}`, () =>
      api.POST('/api/v1/history/export', { body: { from: Math.floor(from), to: Math.ceil(to), format, agg: 'first' } }),
    );
    setBusy(false);
    setResult(
      outcome.ok
        ? { tone: 'ok', text: `Wrote ${count(outcome.data.samples)} samples (${bytes(outcome.data.bytes)}) to ${outcome.data.file}` }
        : { tone: 'danger', text: outcome.message },
    );
    await reports.reload();
  };

  return (
    <Section id="export-title" title="Export">
      <p>
        Every stored sample from {time(from)} to {time(to)}, written by the engine into its <code>reports/</code> folder.
      </p>
      <div class="toolbar">
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('jsonl')}>
          Export JSONL
        </button>
      </div>
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
      {reports.data && reports.data.reports.length > 0 && (
        <details>
          <summary>
            {reports.data.reports.length} file{reports.data.reports.length === 1 ? '' : 's'} in {reports.data.directory}
          </summary>
          <ul class="files">
            {reports.data.reports.slice(0, 10).map((r) => (
              <li key={r.path}>
                <code>{r.name}</code> · {bytes(r.bytes)} · {new Date(r.modified_at).toLocaleString()}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
