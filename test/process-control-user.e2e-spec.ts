import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, freePort } from './helpers/child-process.js';
import { ensureExecutable } from './helpers/executable.js';
import { alive, BURN, killAll, niceness, spawnOwn, type OwnChild } from './helpers/own-children.js';
import { waitFor } from './helpers/wait-for.js';

// The dashboard's own call (no token) to the standalone engine running as a user, as its launcher
// starts it: the single executable, copied into this test's temp folder (the clone itself may sit in
// a folder only root can enter, as a fresh clone under mktemp does). The real /proc scanner lists two
// CPU-burning children of this test, one the user's own, one root's. The user's is re-prioritised and
// ended; root's is out of the user's rights. These tests run as root, which is what lets them start
// the engine as `nobody`.

const NOBODY = { uid: 65534, gid: 65534 };

describe('the standalone engine as a user, called as the dashboard calls it (e2e, own children only)', () => {
  let root: string;
  let engine: ChildProcess;
  let base: string;
  let mine: OwnChild;
  let roots: OwnChild;

  const post = async (pid: number, action: string) => {
    const res = await fetch(`${base}/api/v1/processes/${pid}/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action }),
    });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-procs-user-'));
    chmodSync(root, 0o755);
    const bin = join(root, 'bin');
    const home = join(root, 'engine');
    const app = join(root, 'app');
    for (const dir of [bin, home, app]) mkdirSync(dir);
    chownSync(home, NOBODY.uid, NOBODY.gid);
    const executable = join(app, 'SentraCoreEngine');
    copyFileSync(ensureExecutable(), executable);
    chmodSync(executable, 0o755);
    mine = spawnOwn(bin, 'sc-user-burner', BURN, NOBODY);
    roots = spawnOwn(bin, 'sc-root-burner', BURN);
    const port = await freePort();
    const env = engineEnv(home, port, {
      SENTRACORE_TELEMETRY_SOURCE: 'system',
      SENTRACORE_PROCESS_REFRESH_CYCLES: '1',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '0.5',
    });
    engine = spawn(executable, [], { cwd: app, env, stdio: 'ignore', ...NOBODY });
    base = `http://127.0.0.1:${port}`;
    // GET /processes makes every cycle rescan; both burners rank in the top 15 within a few scans.
    await waitFor(
      'both burners in GET /processes',
      async () => {
        const res = await fetch(`${base}/api/v1/processes?limit=50`).catch(() => undefined);
        const pids = res?.ok ? ((await res.json()) as { processes: { pid: number }[] }).processes.map((p) => p.pid) : [];
        return pids.includes(mine.pid) && pids.includes(roots.pid) ? true : undefined;
      },
      40_000,
      250,
    );
    // Building the executable, when it is stale, takes up to a few minutes on a loaded machine.
  }, 360_000);

  afterAll(async () => {
    killAll([mine, roots]);
    if (engine && engine.exitCode === null) {
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      engine.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('the user’s own child: lower_priority works without a token; normal_priority is the OS’s permission denied; terminate ends it', async () => {
    expect(await post(mine.pid, 'lower_priority')).toEqual({ ok: true, result: 'ok' });
    expect(niceness(mine.pid)).toBe(10);
    // A user may lower a priority but not raise it back (the earlier engine's note, 1.2).
    expect(await post(mine.pid, 'normal_priority')).toEqual({
      ok: false,
      result: 'permission_denied',
      error: `permission denied for sc-user-burner (PID ${mine.pid}): raising a process’s priority back needs elevation (root / Administrator)`,
    });
    expect(niceness(mine.pid)).toBe(10);
    expect(await post(mine.pid, 'terminate')).toEqual({ ok: true, result: 'ok', exited: true });
    expect(await mine.exited).toBe('SIGTERM');
  });

  it('root’s child: terminate is permission denied and it keeps running', async () => {
    expect(await post(roots.pid, 'terminate')).toEqual({
      ok: false,
      result: 'permission_denied',
      error: `permission denied for sc-root-burner (PID ${roots.pid}): the process belongs to another user or the system; that needs the engine elevated (root / Administrator)`,
    });
    expect(alive(roots)).toBe(true);
    expect(niceness(roots.pid)).toBe(0);
  });
});
