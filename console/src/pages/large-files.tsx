import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { LargeFiles as LargeFilesResult } from '../api/schema';
import { useRoute } from '../api/routes';
import { bytes, count, time } from '../lib/format';
import { Notice, Section, Unavailable } from '../ui/common';

const LARGE = '/api/v1/storage/large';

/** The largest files under a folder the person names (read-only: the console offers no delete here). */
export function LargeFiles() {
  const served = useRoute('GET', LARGE);
  const [path, setPath] = useState('');
  const [minMb, setMinMb] = useState(50);
  const [limit, setLimit] = useState(100);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<LargeFilesResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (served === false)
    return (
      <Section id="large-title" title="Largest files">
        <Unavailable what="The large-file finder" method="GET" path={LARGE} />
      </Section>
    );

  const search = async () => {
    setBusy(true);
    const outcome = await call('The large-file search', () => api.GET(LARGE, { params: { query: { path: path.trim(), min_mb: minMb, limit } } }));
    setBusy(false);
    setProblem(outcome.ok ? null : outcome.message);
    setFound(outcome.ok ? outcome.data : null);
  };

  return (
    <Section id="large-title" title="Largest files">
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label>
          Folder on the engine's machine
          <input name="path" required value={path} placeholder="/home/me" onInput={(e) => setPath(e.currentTarget.value)} />
        </label>
        <label>
          At least (MB)
          <input name="min_mb" type="number" min={0} step="any" value={minMb} onInput={(e) => setMinMb(e.currentTarget.valueAsNumber)} />
        </label>
        <label>
          At most
          <input name="limit" type="number" min={1} max={2000} value={limit} onInput={(e) => setLimit(e.currentTarget.valueAsNumber)} />
        </label>
        <button type="submit" disabled={busy || !path.trim()}>
          {busy ? 'Searching…' : 'Find'}
        </button>
      </form>
      {problem && <Notice tone="danger">{problem}</Notice>}
      {found && found.results.length === 0 && (
        <Notice>
          No file of at least {minMb} MB under {found.path}.
        </Notice>
      )}
      {found && found.truncated && (
        <Notice tone="warn">The search stopped early ({count(found.files_scanned)} files looked at): narrow the folder for a complete answer.</Notice>
      )}
      {found && found.results.length > 0 && (
        <table class="large-files">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Modified</th>
            </tr>
          </thead>
          <tbody>
            {found.results.map((f) => (
              <tr key={f.path}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td class="num">{bytes(f.size)}</td>
                <td class="nowrap">{time(f.mtime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
