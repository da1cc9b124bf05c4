import { useState } from 'preact/hooks';
import { api, call, type Outcome } from '../api/client';
import type { StorageInfo } from '../api/schema';
import { bytes, count } from '../lib/format';
import { confirmDanger } from '../ui/dialogs';
import { Bar, Notice, Section } from '../ui/common';
import { useLoad } from '../ui/use-load';
import { Cleanup } from './cleanup';
import { LargeFiles } from './large-files';

const FOLDERS: { key: keyof StorageInfo['sections']; what: string }[] = [
  { key: 'config', what: 'preferences' },
  { key: 'state', what: 'baseline, last alerts, checkpoint' },
  { key: 'history', what: 'chart history' },
  { key: 'logs', what: 'engine logs' },
  { key: 'cache', what: 'derived, safe to delete' },
  { key: 'reports', what: 'exports' },
];

function Usage({ info }: { info: StorageInfo }) {
  return (
    <>
      <p>
        Datastore <code>{info.root}</code> · {bytes(info.total_bytes)} in all · history of {count(info.history.total_samples)} samples in{' '}
        {info.history.files.length} daily files, kept {info.history.retention_days} days
      </p>
      <table class="usage">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Holds</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span class="visually-hidden">Share of the datastore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {FOLDERS.map(({ key, what }) => (
            <tr key={key} data-folder={key}>
              <td>
                <code>{key}/</code>
              </td>
              <td>{what}</td>
              <td class="num">{bytes(info.sections[key].bytes)}</td>
              <td class="bar-cell">
                <Bar value={info.total_bytes > 0 ? (100 * info.sections[key].bytes) / info.total_bytes : 0} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {info.runtime_checkpoint.previous_run_unclean && (
        <Notice tone="warn">The previous run did not stop cleanly (killed or crashed); its last checkpoint was restored.</Notice>
      )}
    </>
  );
}

type Done = { tone: 'ok' | 'danger'; text: string };

function outcomeText<T>(outcome: Outcome<T>, success: (data: T) => string): Done {
  return outcome.ok ? { tone: 'ok', text: success(outcome.data) } : { tone: 'danger', text: outcome.message };
}

export function Storage() {
  const info = useLoad(() => call('The storage summary', () => api.GET('/api/v1/storage/info')), [], { everyMs: 15000 });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const act = async (title: string, lose: string[], confirmLabel: string, run: () => Promise<Done>) => {
    if (!(await confirmDanger(title, lose, confirmLabel))) return;
    setBusy(true);
    setDone(await run());
    setBusy(false);
    await info.reload();
  };

  const clearCache = (i: StorageInfo) =>
    act(
      'Clear the cache?',
      [`Every file under ${i.sections.cache.path} (${bytes(i.sections.cache.bytes)}). The engine rebuilds what it needs.`],
      'Clear cache',
      async () =>
        outcomeText(
          await call('Clearing the cache', () => api.POST('/api/v1/storage/cache/clear')),
          (d) => `Cache cleared: ${d.files_removed} files, ${bytes(d.bytes_freed)} freed.`,
        ),
    );
  const clearHistory = (i: StorageInfo) =>
    act(
      'Delete the whole history?',
      [
        `All ${count(i.history.total_samples)} history samples: ${i.history.files.length} daily files, ${bytes(i.sections.history.bytes)}, in ${i.history.directory}.`,
        'The History charts and trends start again from nothing.',
      ],
      'Delete history',
      async () =>
        outcomeText(await call('Deleting the history', () => api.DELETE('/api/v1/history')), (d) => `History deleted: ${d.files_removed} files removed.`),
    );
  const resetBaseline = async () => {
    const baseline = await call('Reading the baseline', () => api.GET('/api/v1/baseline'));
    const learned = baseline.ok ? `${count(baseline.data.sample_count)} samples` : 'all samples';
    const needed = baseline.ok ? baseline.data.min_samples_required : 60;
    await act(
      'Reset the learned baseline?',
      [`The baseline learned from ${learned} of this machine's normal behaviour.`, `Anomaly scores mean little until ${needed} new samples are learned again.`],
      'Reset baseline',
      async () =>
        outcomeText(
          await call('Resetting the baseline', () => api.POST('/api/v1/state/reset/baseline')),
          () => 'Baseline reset; the engine is learning again.',
        ),
    );
  };

  const data = info.data;
  return (
    <>
      <Section id="usage-title" title="Datastore usage">
        {info.failure && <Notice tone="warn">{info.failure.message}</Notice>}
        {data && <Usage info={data} />}
      </Section>
      <Section id="maintenance-title" title="Maintenance">
        <p class="muted">Each action asks first and says what it deletes.</p>
        <div class="toolbar">
          <button type="button" class="danger" disabled={!data || busy} onClick={() => data && void clearCache(data)}>
            Clear cache…
          </button>
          <button type="button" class="danger" disabled={!data || busy} onClick={() => data && void clearHistory(data)}>
            Delete history…
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void resetBaseline()}>
            Reset baseline…
          </button>
        </div>
        {done && <Notice tone={done.tone}>{done.text}</Notice>}
      </Section>
      <Cleanup />
      <LargeFiles />
    </>
  );
}
