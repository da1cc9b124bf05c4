import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { createListeningApp, eventually, RecordingSocket, type ListeningApp } from './helpers/listening-app.js';
import { alive, asListed, IDLE, killAll, spawnOwn, type OwnChild } from './helpers/own-children.js';

// The safeguard end to end: a scripted source keeps CPU pressure past the threshold while listing
// two children this test spawned; the user names one of them. When the alert fires, that one is
// terminated, the other survives, and the alert (REST, /ws/alerts, checkpoint) and an event say so.

const TOKEN = 'safeguard-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('the safeguard (e2e, own children only)', () => {
  let root: string;
  let live: ListeningApp;
  let named: OwnChild;
  let survivor: OwnChild;
  let alerts: RecordingSocket;
  const clock = new ManualClock(Date.UTC(2026, 11, 2, 9, 0, 0));
  const get = async (path: string) => (await fetch(live.baseUrl + path)).json() as Promise<Record<string, any>>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-safeguard-'));
    mkdirSync(join(root, 'bin'));
    named = spawnOwn(join(root, 'bin'), 'sc-named', IDLE);
    survivor = spawnOwn(join(root, 'bin'), 'sc-survivor', IDLE);
    await eventually('children started', () => readableStat(named.pid) && readableStat(survivor.pid));
    const processes = [asListed(named, 40), asListed(survivor, 45)];
    live = await createListeningApp(join(root, 'datastore'), {
      clock,
      script: [{ cpu: { percent: 99 }, processes }],
      engine: { apiToken: TOKEN, sampling: { processRefreshCycles: 1 } },
    });
    alerts = await RecordingSocket.open(`ws://127.0.0.1:${live.port}/ws/alerts`);
  });

  afterAll(async () => {
    alerts?.close();
    killAll([named, survivor]);
    await live?.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('terminates the named child when the alert fires, spares the other, and the alert and an event say so', async () => {
    // Names as a user types them: case differs, and one string split on commas.
    const put = await fetch(`${live.baseUrl}/api/v1/preferences`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ safeguard_enabled: true, safeguard_process_names: 'SC-Named, not-running' }),
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { preferences: { safeguard_process_names: string[] } }).preferences.safeguard_process_names).toEqual([
      'not-running',
      'sc-named',
    ]);

    for (let i = 0; i < 12 && (await get('/api/v1/alerts')).alerts.length === 0; i++) {
      clock.advance(2000);
      await live.engine.runCycle();
    }
    const [alert] = (await get('/api/v1/alerts')).alerts as Record<string, any>[];
    expect(alert).toBeDefined();
    expect(await named.exited).toBe('SIGTERM');
    expect(alive(survivor)).toBe(true);

    const expected = [{ timestamp: expect.any(Number), pid: named.pid, name: 'sc-named', action: 'terminate', result: 'ok', error: null }];
    expect(alert.actions_taken).toEqual(expected);
    await eventually('the /ws/alerts message', () => alerts.messages.length === 1);
    expect(alerts.json(0)).toEqual(alert);
    expect((await get('/api/v1/status')).alert.last_alert.actions_taken).toEqual(expected);

    const events = (await get('/api/v1/events')).events as { event_type: string; details: Record<string, unknown> }[];
    const action = events.find((e) => e.event_type === 'process_action');
    expect(action?.details).toEqual({
      pid: named.pid,
      name: 'sc-named',
      action: 'terminate',
      result: 'ok',
      source: 'safeguard',
      error: null,
      description: `Safeguard: Ended sc-named (PID ${named.pid}) (SIGTERM; on Windows ended at once)`,
    });
    expect(events.filter((e) => e.event_type === 'process_action')).toHaveLength(1);

    await live.engine.checkpoint();
    const checkpoint = JSON.parse(readFileSync(join(root, 'datastore', 'state', 'runtime.json'), 'utf8')) as { alerts_recent: Record<string, unknown>[] };
    expect(checkpoint.alerts_recent[0].actions_taken).toEqual(expected);
  });
});

function readableStat(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}
