import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { CleanupApplied, CleanupScan } from '../api/schema';
import { useRoute } from '../api/routes';
import { bytes, count } from '../lib/format';
import { confirmDanger } from '../ui/dialogs';
import { Notice, Section, Unavailable } from '../ui/common';
import { useLoad } from '../ui/use-load';

const CATEGORIES = '/api/v1/cleanup/categories';

type CleanupMode = CleanupApplied['mode'];

function AppliedReport({ applied }: { applied: CleanupApplied }) {
  return (
    <div role="status" class="notice notice-ok">
      <p>
        Freed {bytes(applied.bytes_freed)} across {count(applied.removed)} files ({applied.mode === 'recycle' ? 'moved to the trash' : 'deleted'}) ·{' '}
        {count(applied.skipped)} skipped · {applied.errors.length + (applied.errors_truncated ?? 0)} errors
      </p>
      {applied.errors.length > 0 && (
        <ul>
          {applied.errors.slice(0, 5).map((e, i) => (
            <li key={i}>
              <code>{e.path ?? e.category}</code>: {e.error}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ScanTable({ scan, selected, toggle }: { scan: CleanupScan; selected: Set<string>; toggle: (id: string) => void }) {
  return (
    <table class="cleanup">
      <thead>
        <tr>
          <th scope="col">Clean</th>
          <th scope="col">Category</th>
          <th scope="col">Size</th>
          <th scope="col">Files</th>
          <th scope="col">Largest</th>
        </tr>
      </thead>
      <tbody>
        {scan.categories.map((c) => (
          <tr key={c.id} data-category={c.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`Clean ${c.label}`}
                checked={selected.has(c.id)}
                disabled={c.bytes === 0 || c.error !== null}
                onChange={() => toggle(c.id)}
              />
            </td>
            <td>
              <strong>{c.label}</strong>
              {c.requires_admin && ' (needs administrator rights)'}
              <br />
              <span class="muted">{c.description}</span> {c.error && <span class="error-text">{c.error}</span>}
            </td>
            <td class="num">{bytes(c.bytes)}</td>
            <td class="num">
              {count(c.file_count)}
              {c.truncated && '+'}
            </td>
            <td>
              {c.samples.slice(0, 3).map((s) => (
                <div key={s.path}>
                  <code>{s.path}</code> {bytes(s.size)}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cleanup: scan (read-only preview), choose categories, confirm, apply; the result stays on screen. */
export function Cleanup() {
  const served = useRoute('GET', CATEGORIES);
  const categories = useLoad(() => call('The cleanup categories', () => api.GET(CATEGORIES)), [], { enabled: served === true });
  const [scan, setScan] = useState<CleanupScan | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<CleanupMode>('permanent');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState<CleanupApplied | null>(null);
  const recycle = categories.data?.os_supports_recycle_bin ?? false;
  useEffect(() => setMode(recycle ? 'recycle' : 'permanent'), [recycle]);

  if (served === false)
    return (
      <Section id="cleanup-title" title="Free up space">
        <Unavailable what="Cleanup" method="GET" path={CATEGORIES} />
      </Section>
    );

  const runScan = async () => {
    setBusy('Scanning…');
    setApplied(null);
    const outcome = await call('The cleanup scan', () =>
      api.POST('/api/v1/cleanup/scan', { body: { category_ids: categories.data?.categories.map((c) => c.id) ?? [] } }),
    );
    setBusy(null);
    setProblem(outcome.ok ? null : outcome.message);
    if (!outcome.ok) return;
    setScan(outcome.data);
    setSelected(new Set(outcome.data.categories.filter((c) => c.bytes > 0 && c.error === null).map((c) => c.id)));
  };
  const apply = async (current: CleanupScan) => {
    const chosen = current.categories.filter((c) => selected.has(c.id));
    const total = chosen.reduce((sum, c) => sum + c.bytes, 0);
    const lose = chosen.map((c) => `${c.label}: ${count(c.file_count)} files, ${bytes(c.bytes)} (${c.roots.join(', ')})`);
    lose.push(
      mode === 'recycle'
        ? `${bytes(total)} in all, moved to the trash (restorable from there).`
        : `${bytes(total)} in all, deleted permanently: it cannot be recovered.`,
    );
    if (
      !(await confirmDanger(
        mode === 'recycle' ? 'Move these files to the trash?' : 'Delete these files permanently?',
        lose,
        mode === 'recycle' ? 'Move to trash' : 'Delete permanently',
      ))
    )
      return;
    setBusy('Cleaning…');
    const outcome = await call('The cleanup', () =>
      api.POST('/api/v1/cleanup/apply', { body: { scan_id: current.scan_id, category_ids: chosen.map((c) => c.id), mode } }),
    );
    setBusy(null);
    setProblem(outcome.ok ? null : outcome.message);
    if (outcome.ok) {
      setApplied(outcome.data);
      setScan(null);
    }
  };
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return (
    <Section id="cleanup-title" title="Free up space">
      <p class="muted">A scan only measures; nothing is deleted until you choose categories, press apply and confirm.</p>
      {categories.failure && <Notice tone="warn">{categories.failure.message}</Notice>}
      <div class="toolbar">
        <button type="button" disabled={!categories.data || busy !== null} onClick={() => void runScan()}>
          {scan ? 'Scan again' : 'Scan'}
        </button>
        {scan && (
          <>
            <fieldset class="inline">
              <legend>Mode</legend>
              <label>
                <input type="radio" name="cleanup-mode" checked={mode === 'recycle'} disabled={!recycle} onChange={() => setMode('recycle')} /> to trash
              </label>
              <label>
                <input type="radio" name="cleanup-mode" checked={mode === 'permanent'} onChange={() => setMode('permanent')} /> permanently
              </label>
            </fieldset>
            <button type="button" class="danger" disabled={selected.size === 0 || busy !== null} onClick={() => void apply(scan)}>
              Clean selected…
            </button>
          </>
        )}
        {busy && <span aria-live="polite">{busy}</span>}
      </div>
      {problem && <Notice tone="danger">{problem}</Notice>}
      {applied && <AppliedReport applied={applied} />}
      {scan && (
        <>
          <p>
            Reclaimable {bytes(scan.total_bytes)} in {count(scan.total_files)} files ({scan.os})
          </p>
          <ScanTable scan={scan} selected={selected} toggle={toggle} />
        </>
      )}
    </Section>
  );
}
