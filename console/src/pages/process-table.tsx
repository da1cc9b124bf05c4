import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ProcessStats } from '../api/schema';
import { num, pct } from '../lib/format';

type Key = 'impact_score' | 'current_cpu_percent' | 'avg_cpu_percent' | 'peak_cpu_percent' | 'current_memory_percent' | 'avg_memory_percent' | 'name' | 'pid';

const COLUMNS: { key: Key; label: string; compact: boolean; format: (p: ProcessStats) => string }[] = [
  { key: 'name', label: 'Name', compact: true, format: (p) => p.name },
  { key: 'pid', label: 'PID', compact: true, format: (p) => String(p.pid) },
  { key: 'current_cpu_percent', label: 'CPU now', compact: true, format: (p) => pct(p.current_cpu_percent) },
  { key: 'avg_cpu_percent', label: 'CPU avg', compact: false, format: (p) => pct(p.avg_cpu_percent) },
  { key: 'peak_cpu_percent', label: 'CPU peak', compact: false, format: (p) => pct(p.peak_cpu_percent) },
  { key: 'current_memory_percent', label: 'Memory now', compact: true, format: (p) => pct(p.current_memory_percent) },
  { key: 'avg_memory_percent', label: 'Memory avg', compact: false, format: (p) => pct(p.avg_memory_percent) },
  { key: 'impact_score', label: 'Impact', compact: true, format: (p) => num(p.impact_score, 2) },
];

/** The ranked process table (by impact, as the engine ranks it); columns sort on click or Enter. */
export function ProcessTable({
  processes,
  compact,
  actions,
}: {
  processes: readonly ProcessStats[];
  compact?: boolean;
  actions?: (p: ProcessStats) => ComponentChildren;
}) {
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: 'impact_score', descending: true });
  if (processes.length === 0) return <p class="muted">No processes tracked yet.</p>;
  const columns = COLUMNS.filter((c) => !compact || c.compact);
  const rows = [...processes].sort((a, b) => {
    const order = a[sort.key] < b[sort.key] ? -1 : a[sort.key] > b[sort.key] ? 1 : 0;
    return sort.descending ? -order : order;
  });
  return (
    <table class="processes">
      <thead>
        <tr>
          <th scope="col">Rank</th>
          {columns.map((c) => (
            <th
              scope="col"
              key={c.key}
              class={c.key === 'name' ? undefined : 'num'}
              aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            >
              <button type="button" class="sort" onClick={() => setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : c.key !== 'name' })}>
                {c.label}
              </button>
            </th>
          ))}
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.pid} data-pid={p.pid}>
            <td>{processes.indexOf(p) + 1}</td>
            {columns.map((c) => (
              <td key={c.key} class={c.key === 'name' ? 'name' : 'num'}>
                {c.format(p)}
              </td>
            ))}
            {actions && <td class="actions">{actions(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
