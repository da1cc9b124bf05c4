import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootEngine } from './helpers/boot-engine.js';
import { encodeSample } from '../src/history/write/history-line.codec.js';
import { engineEnv, freePort, requireDist, run, waitFor, type Running } from './helpers/child-process.js';

// Issue 21 item 12: an export killed mid-write left reports/.history-….tmp forever (hidden from
// GET /reports). A real engine is SIGKILLed while its export is writing; the next start sweeps the
// temp file and nothing else (canaries in reports/ and outside the datastore survive).

const DAY = '2026-11-26';
const LINES = 150_000;

describe('an export killed mid-write', () => {
  let dir: string;
  let engine: Running | undefined;
  let app: NestFastifyApplication | undefined;
  const datastore = () => join(dir, 'datastore');
  const reports = () => join(datastore(), 'reports');
  const temps = () => (existsSync(reports()) ? readdirSync(reports()).filter((n) => n.startsWith('.history-') && n.endsWith('.tmp')) : []);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-export-kill-'));
    mkdirSync(join(datastore(), 'history'), { recursive: true });
    const start = Date.parse(`${DAY}T00:00:00Z`) / 1000;
    const lines: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const top = [{ name: `proc${i % 7}.exe`, pid: 100 + (i % 7), cpu_percent: 3.5, mem_percent: 1.25, impact: 4.75 }];
      lines.push(
        encodeSample({
          at: start + i * 0.5,
          cpu_percent: i % 100,
          mem_percent: 40,
          disk_pressure_percent: 2,
          stability_score: 90,
          stress_score: 20,
          top_processes: top,
        }),
      );
    }
    writeFileSync(join(datastore(), 'history', `samples-${DAY}.jsonl`), lines.join('\n') + '\n');
  });
  afterEach(async () => {
    if (engine && engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill('SIGKILL');
    await engine?.exited;
    engine = undefined;
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a .history-….tmp in reports/; the next start removes it and nothing else', async () => {
    requireDist('main.js');
    const port = await freePort();
    engine = run(['dist/main.js'], engineEnv(dir, port));
    await waitFor(
      'the engine to answer',
      async () => ((await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => undefined))?.ok ? true : undefined),
      60_000,
    );
    const from = Date.parse(`${DAY}T00:00:00Z`) / 1000;
    const exporting = fetch(`http://127.0.0.1:${port}/api/v1/history/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to: from + 86_399, format: 'csv' }),
    }).catch(() => 'cut');
    // Kill the moment the temp file appears: the export is mid-write.
    await waitFor('the export temp file', () => temps()[0], 60_000, 1);
    engine.child.kill('SIGKILL');
    expect(await engine.exited).toBe('SIGKILL');
    expect(await exporting).toBe('cut');
    const left = temps();
    expect(left).toHaveLength(1);
    expect(readdirSync(reports()).filter((n) => !n.startsWith('.'))).toEqual([]); // hidden: GET /reports lists nothing

    // Canaries: a finished report, another hidden file, a look-alike outside reports/ and outside the datastore.
    writeFileSync(join(reports(), 'history-kept.csv'), 'a,b\n');
    writeFileSync(join(reports(), '.notes'), 'keep');
    writeFileSync(join(datastore(), 'cache', '.history-x.tmp'), 'keep');
    writeFileSync(join(dir, '.history-outside.tmp'), 'keep');

    app = await bootEngine({ dataDir: datastore(), sampling: { enabled: false } });
    expect(temps()).toEqual([]);
    expect(readdirSync(reports()).sort()).toEqual(['.notes', 'history-kept.csv']);
    expect(existsSync(join(datastore(), 'cache', '.history-x.tmp'))).toBe(true);
    expect(existsSync(join(dir, '.history-outside.tmp'))).toBe(true);
  });
});
