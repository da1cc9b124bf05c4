import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ProcessAction, ProcessStats } from '../api/schema';
import { useRoute } from '../api/routes';
import { confirmDanger } from '../ui/dialogs';
import { Notice, Unavailable } from '../ui/common';
import { useLoad } from '../ui/use-load';
import { ProcessTable } from './process-table';

const ACTION_ROUTE = '/api/v1/processes/{pid}/action';

const ACTIONS: { action: ProcessAction; label: string; danger: boolean }[] = [
  { action: 'lower_priority', label: 'Lower priority', danger: false },
  { action: 'normal_priority', label: 'Normal priority', danger: false },
  { action: 'terminate', label: 'End…', danger: true },
  { action: 'kill', label: 'Kill…', danger: true },
];

async function confirmed(p: ProcessStats, action: ProcessAction): Promise<boolean> {
  if (action === 'terminate') {
    return confirmDanger(
      `End ${p.name} (PID ${p.pid})?`,
      [`${p.name} (PID ${p.pid}) is asked to exit; on Windows it is ended at once.`, 'Any unsaved work in it.'],
      'End process',
    );
  }
  if (action === 'kill') {
    return confirmDanger(
      `Force kill ${p.name} (PID ${p.pid})?`,
      [
        `${p.name} (PID ${p.pid}) stops immediately, with no chance to save or clean up.`,
        'Any unsaved work in it, and files it was writing may be left half-written.',
      ],
      'Kill process',
    );
  }
  return true;
}

export function Processes() {
  const actionsServed = useRoute('POST', ACTION_ROUTE);
  const [busy, setBusy] = useState<number | null>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'danger'; text: string } | null>(null);
  const list = useLoad(() => call('The process list', () => api.GET('/api/v1/processes', { params: { query: { limit: 50 } } })), [], { everyMs: 5000 });

  const run = async (p: ProcessStats, action: ProcessAction, label: string) => {
    if (!(await confirmed(p, action))) return;
    setBusy(p.pid);
    const outcome = await call(`${label.replace('…', '')} ${p.name} (PID ${p.pid})`, () =>
      api.POST(ACTION_ROUTE, { params: { path: { pid: p.pid } }, body: { action } }),
    );
    setBusy(null);
    setResult(outcome.ok ? { tone: 'ok', text: `${label.replace('…', '')}: done for ${p.name} (PID ${p.pid}).` } : { tone: 'danger', text: outcome.message });
    await list.reload();
  };

  const actions =
    actionsServed === false
      ? undefined
      : (p: ProcessStats) => (
          <div class="row-actions" role="group" aria-label={`Actions for ${p.name} (PID ${p.pid})`}>
            {ACTIONS.map(({ action, label, danger }) => (
              <button type="button" key={action} class={danger ? 'danger small' : 'small'} disabled={busy !== null} onClick={() => void run(p, action, label)}>
                {label}
              </button>
            ))}
          </div>
        );

  return (
    <>
      <p class="muted">Processes ranked by their impact over the recent window (refreshed every 5 s). Column headers sort.</p>
      {actionsServed === false && <Unavailable what="Process actions (priority, end, kill)" method="POST" path={ACTION_ROUTE} />}
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
      {list.failure && <Notice tone="warn">{list.failure.message}</Notice>}
      {list.data && <ProcessTable processes={list.data.processes} actions={actions} />}
    </>
  );
}
