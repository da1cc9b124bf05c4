import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import type { ProcessHost } from './host/process-host.js';
import type { ActionOutcome, ActionRequest } from './process-action.record.js';
import { START_TIME_TOLERANCE_SEC } from './process-safety.js';

/** Absolute niceness, as the earlier engine (psutil's nice(10) / nice(0)). */
export const NICENESS = { lower_priority: 10, normal_priority: 0 } as const;
const EXIT_POLL_MS = 50;

function osCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; info?: { code?: unknown } };
  // os.setPriority throws ERR_SYSTEM_ERROR with the errno name in `info.code`.
  const code = e?.info?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The OS error in words a person can act on. */
function failure(error: unknown, request: ActionRequest, listed: ProcessRecord): ActionOutcome {
  const code = osCode(error);
  if (code === 'ESRCH') return { ok: false, result: 'not_found', error: `process no longer exists (pid=${listed.pid}, name='${listed.name}')` };
  if (code === 'EPERM' || code === 'EACCES') {
    const why =
      request.action === 'normal_priority'
        ? 'raising a process’s priority back needs elevation (root / Administrator)'
        : 'the process belongs to another user or the system; that needs the engine elevated (root / Administrator)';
    return { ok: false, result: 'permission_denied', error: `permission denied for ${listed.name} (PID ${listed.pid}): ${why}` };
  }
  return {
    ok: false,
    result: 'failed',
    error: `${request.action} of ${listed.name} (PID ${listed.pid}) failed: ${(error as Error)?.message ?? String(error)}`,
  };
}

/** Signals or re-prioritises a process the safety rules just verified; never throws. */
export async function applyAction(host: ProcessHost, request: ActionRequest, listed: ProcessRecord): Promise<ActionOutcome> {
  try {
    if (request.action === 'terminate') host.signal(request.pid, 'SIGTERM');
    else if (request.action === 'kill') host.signal(request.pid, 'SIGKILL');
    else host.setPriority(request.pid, NICENESS[request.action]);
  } catch (error: unknown) {
    return failure(error, request, listed);
  }
  const ending = request.action === 'terminate' || request.action === 'kill';
  if (!ending || request.waitForExitMs <= 0) return { ok: true, result: 'ok' };
  return { ok: true, result: 'ok', exited: await exitedWithin(host, listed, request.waitForExitMs) };
}

/** Gone, a zombie, or its pid already taken by another start time: it exited. */
async function exitedWithin(host: ProcessHost, listed: ProcessRecord, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; ; waited += EXIT_POLL_MS) {
    const now = await host.inspect(listed.pid).catch(() => undefined);
    if (!now || Math.abs(now.startTimeSec - listed.create_time) > START_TIME_TOLERANCE_SEC) return true;
    if (waited >= timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, EXIT_POLL_MS));
  }
}
