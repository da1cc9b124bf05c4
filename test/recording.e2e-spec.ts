import { afterEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EngineService } from '../src/engine/engine.service.js';
import { bootEngine } from './helpers/boot-engine.js';

async function boot(dataDir: string, source: 'system' | 'scripted', sampling: { enabled: boolean; collectionIntervalSec?: number }) {
  return bootEngine({ dataDir, sampling, telemetry: { source }, history: { sampleIntervalSec: 0.2 } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function historyLines(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'history');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));
  const texts = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
  return texts.join('').split('\n').filter(Boolean);
}

function finiteLeaves(value: unknown, path = 'status'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => finiteLeaves(child, `${path}.${key}`));
}

describe('the running engine', () => {
  let app: NestFastifyApplication | undefined;
  const dirs: string[] = [];
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await app?.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('grows the history archive on its own schedule', async () => {
    const dataDir = await tempDir('sc-recording-');
    app = await boot(dataDir, 'scripted', { enabled: true, collectionIntervalSec: 0.2 });
    await sleep(1500);
    const first = (await historyLines(dataDir)).length;
    expect(first).toBeGreaterThanOrEqual(3);
    await sleep(1000);
    const lines = await historyLines(dataDir);
    expect(lines.length).toBeGreaterThan(first);
    const sample = JSON.parse(lines[lines.length - 1]);
    expect(Object.keys(sample)).toEqual(['at', 'cpu_percent', 'mem_percent', 'disk_pressure_percent', 'stability_score', 'stress_score', 'top_processes']);
    const served = (await request(app.getHttpServer()).get('/api/v1/history').expect(200)).body;
    expect(served.samples.length).toBeGreaterThanOrEqual(lines.length);
  });

  it('reads this machine with the real source: every status field present and finite', async () => {
    const dataDir = await tempDir('sc-real-');
    app = await boot(dataDir, 'system', { enabled: false });
    const engine = app.get(EngineService);
    for (let i = 0; i < 3; i++) {
      await engine.runCycle();
      await sleep(300);
    }
    const status = (await request(app.getHttpServer()).get('/api/v1/status').expect(200)).body;
    expect(status.engine.uptime_samples).toBe(3);
    for (const key of ['snapshot', 'normalized', 'trend', 'anomaly', 'prediction', 'stress', 'stability']) expect(status[key]).not.toBeNull();
    expect(finiteLeaves(status)).toEqual([]);
    expect(status.snapshot.cpu.logical_count).toBeGreaterThan(0);
    expect(status.snapshot.memory.total).toBeGreaterThan(0);
    expect(status.snapshot.processes.length).toBeGreaterThan(0);
  });
});
