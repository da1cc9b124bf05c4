import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { EngineService } from '../src/engine/engine.service.js';
import { HistoryStore } from '../src/history/history.store.js';
import { encodeSample } from '../src/history/write/history-line.codec.js';
import { bootEngine } from './helpers/boot-engine.js';

// Issue 21 items 4, 7 and 10 on a real datastore. Every link points into `outside/`, a folder of the
// test's own temp root beside the datastore, whose canaries must survive each destructive call.

type Json = Record<string, any>;

const DAY = '2026-11-27';
const DAY_START = Date.UTC(2026, 10, 27) / 1000;
const line = (at: number, top: unknown = [{ name: 'node', pid: 7, cpu_percent: 1.5, mem_percent: 2, impact: 3.5 }]) =>
  encodeSample({ at, cpu_percent: 10, mem_percent: 20, disk_pressure_percent: 30, stability_score: 90, stress_score: 10, top_processes: top as never });
// A stored line as JSON text, exactly as given (the engine's encoder would never write these entries).
const rawLine = (at: number, top: unknown) =>
  JSON.stringify({ at, cpu_percent: 10.5, mem_percent: 20.5, disk_pressure_percent: 30.5, stability_score: 90.5, stress_score: 10.5, top_processes: top });
const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => line(from + i * 2)).join('\n') + '\n';

describe('files, links and reads on a real datastore', () => {
  let root: string;
  let dataDir: string;
  let outside: string;
  let app: NestFastifyApplication;
  let clock: ManualClock;

  const http = () => request(app.getHttpServer());
  const section = (name: string) => join(dataDir, name);
  const boot = async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 27, 12, 0, 0));
    app = await bootEngine({ dataDir, sampling: { enabled: false }, telemetry: { source: 'scripted' } }, { clock, listen: true });
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-links-'));
    dataDir = join(root, 'datastore');
    outside = join(root, 'outside');
    mkdirSync(outside);
    for (const name of ['config', 'state', 'history', 'logs', 'cache', 'reports']) mkdirSync(section(name), { recursive: true });
  });

  afterEach(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const relink = (name: string, target: string) => {
    rmSync(section(name), { recursive: true, force: true });
    symlinkSync(target, section(name));
  };

  describe('item 4: no destructive operation follows a symbolic link', () => {
    it('cache clear refuses a cache/ that is a link, saying why; the folder it points to keeps its files', async () => {
      mkdirSync(join(outside, 'sub'));
      writeFileSync(join(outside, 'canary.txt'), 'canary');
      writeFileSync(join(outside, 'sub', 'nested.txt'), 'nested');
      relink('cache', outside);
      await boot();
      const res = await http().post('/api/v1/storage/cache/clear').expect(409);
      expect((res.body as Json).message).toContain('is a symbolic link');
      expect(readFileSync(join(outside, 'canary.txt'), 'utf8')).toBe('canary');
      expect(readFileSync(join(outside, 'sub', 'nested.txt'), 'utf8')).toBe('nested');
    });

    it('cache clear unlinks links inside cache/, never their targets', async () => {
      writeFileSync(join(outside, 'canary.txt'), 'canary');
      mkdirSync(join(outside, 'dir'));
      writeFileSync(join(outside, 'dir', 'in-dir.txt'), 'in dir');
      symlinkSync(join(outside, 'canary.txt'), join(section('cache'), 'file-link'));
      symlinkSync(join(outside, 'dir'), join(section('cache'), 'dir-link'));
      writeFileSync(join(section('cache'), 'own.bin'), 'x');
      await boot();
      const res = await http().post('/api/v1/storage/cache/clear').expect(200);
      expect((res.body as Json).files_removed).toBe(3);
      expect(readdirSync(section('cache'))).toEqual([]);
      expect(readFileSync(join(outside, 'canary.txt'), 'utf8')).toBe('canary');
      expect(readFileSync(join(outside, 'dir', 'in-dir.txt'), 'utf8')).toBe('in dir');
    });

    it('a history/ relocated by a link is read and written, but retention and DELETE /history delete nothing through it', async () => {
      // An old day file in the folder the link points to: retention would have deleted it.
      writeFileSync(join(outside, 'samples-2020-01-01.jsonl'), line(Date.UTC(2020, 0, 1) / 1000) + '\n');
      writeFileSync(join(outside, `samples-${DAY}.jsonl`), lines(DAY_START, 3));
      relink('history', outside);
      await boot();
      const store = app.get(HistoryStore);
      expect((await store.prune()).files_removed).toBe(0);
      const res = await http().delete('/api/v1/history').expect(409);
      expect((res.body as Json).message).toContain('is a symbolic link');
      expect(existsSync(join(outside, 'samples-2020-01-01.jsonl'))).toBe(true);
      // Supported for reading and writing: the samples there are served, and a new one is stored there.
      const before = (
        await http()
          .get(`/api/v1/history?from=${DAY_START}&to=${DAY_START + 86399}`)
          .expect(200)
      ).body as Json;
      expect(before.samples).toHaveLength(3);
      clock.advance(60_000);
      await app.get(EngineService).runCycle();
      expect(
        readFileSync(join(outside, `samples-${DAY}.jsonl`), 'utf8')
          .trimEnd()
          .split('\n'),
      ).toHaveLength(4);
    });

    it("today's day file as a link is neither read, written nor deleted, and is reported in /health and /storage/info", async () => {
      writeFileSync(join(outside, 'canary.jsonl'), line(DAY_START + 100) + '\n');
      symlinkSync(join(outside, 'canary.jsonl'), join(section('history'), `samples-${DAY}.jsonl`));
      writeFileSync(join(section('history'), 'samples-2026-11-26.jsonl'), lines(DAY_START - 86400, 2));
      await boot();
      clock.advance(60_000);
      await app.get(EngineService).runCycle();
      const canary = line(DAY_START + 100) + '\n';
      expect(readFileSync(join(outside, 'canary.jsonl'), 'utf8')).toBe(canary);
      const history = (
        await http()
          .get(`/api/v1/history?from=${DAY_START - 86400}&to=${DAY_START + 86399}`)
          .expect(200)
      ).body as Json;
      expect(history.samples).toHaveLength(2); // the previous day's; nothing read through the link
      const health = (await http().get('/api/v1/health').expect(200)).body as Json;
      expect(health.skipped_history_files).toEqual([{ name: `samples-${DAY}.jsonl`, reason: expect.stringContaining('symbolic link') }]);
      const info = (await http().get('/api/v1/storage/info').expect(200)).body as Json;
      expect(info.skipped_history_files.map((f: Json) => f.name)).toEqual([`samples-${DAY}.jsonl`]);
      expect(((await http().delete('/api/v1/history').expect(200)).body as Json).files_removed).toBe(1);
      expect(lstatSync(join(section('history'), `samples-${DAY}.jsonl`)).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(outside, 'canary.jsonl'), 'utf8')).toBe(canary);
    });

    it('exports into a reports/ relocated by a link (supported) as new regular files; other files there survive', async () => {
      writeFileSync(join(outside, 'canary.txt'), 'canary');
      relink('reports', outside);
      writeFileSync(join(section('history'), `samples-${DAY}.jsonl`), lines(DAY_START, 5));
      await boot();
      const res = await http()
        .post('/api/v1/history/export')
        .send({ from: DAY_START, to: DAY_START + 86399, format: 'csv' })
        .expect(200);
      const file = (res.body as Json).file as string;
      expect(lstatSync(join(outside, file.split('/').pop()!)).isFile()).toBe(true);
      expect(readFileSync(join(outside, 'canary.txt'), 'utf8')).toBe('canary');
    });
  });

  describe('item 10: malformed entries inside stored lines', () => {
    it('top_processes:[null] (and other junk entries) never break CSV or JSONL export or GET /history', async () => {
      const junk = [rawLine(DAY_START + 10, [null]), rawLine(DAY_START + 20, [null, 7, 'x']), rawLine(DAY_START + 30, null), line(DAY_START + 40)];
      writeFileSync(join(section('history'), `samples-${DAY}.jsonl`), junk.join('\n') + '\n');
      await boot();
      const range = { from: DAY_START, to: DAY_START + 86399 };
      for (const format of ['csv', 'jsonl']) {
        const res = await http()
          .post('/api/v1/history/export')
          .send({ ...range, format })
          .expect(200);
        expect((res.body as Json).samples).toBe(4);
      }
      const history = (await http().get(`/api/v1/history?from=${range.from}&to=${range.to}`).expect(200)).body as Json;
      expect(history.samples).toHaveLength(4);
      for (const sample of history.samples as Json[]) expect(sample.top_processes.every((p: unknown) => p !== null && typeof p === 'object')).toBe(true);
    });
  });

  describe('item 7: reads and deletes never tear each other', () => {
    const DAYS = 3;
    const PER_DAY = 3000; // 9,000 samples: above the streaming threshold, ~5 MB of JSON
    const fill = () => {
      for (let d = 0; d < DAYS; d++) {
        const start = DAY_START - d * 86400;
        writeFileSync(join(section('history'), `samples-${new Date(start * 1000).toISOString().slice(0, 10)}.jsonl`), lines(start, PER_DAY));
      }
    };
    const url = `/api/v1/history?from=${DAY_START - (DAYS - 1) * 86400}&to=${DAY_START + 86399}`;

    // A GET whose reading pauses once its headers are in, so the DELETE lands mid-body.
    const slowGet = (port: number) =>
      new Promise<{ status: number; body: string; aborted: boolean }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: url }, (res) => {
          const chunks: Buffer[] = [];
          let aborted = false;
          res.pause();
          setTimeout(() => res.resume(), 50);
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('aborted', () => (aborted = true));
          res.on('error', () => (aborted = true));
          res.on('close', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), aborted }));
        });
        req.on('error', reject);
        req.end();
      });

    it('20 trials: a GET /history that started answers complete, valid JSON while DELETE /history waits for it', async () => {
      await boot();
      const { port } = app.getHttpServer().address() as AddressInfo;
      let complete = 0;
      for (let trial = 0; trial < 20; trial++) {
        fill();
        const get = slowGet(port);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const [read, deleted] = await Promise.all([get, http().delete('/api/v1/history')]);
        expect(read.status).toBe(200);
        expect(read.aborted).toBe(false);
        const body = JSON.parse(read.body) as Json;
        expect(body.samples).toHaveLength(DAYS * PER_DAY);
        expect(deleted.status).toBe(200);
        expect((deleted.body as Json).files_removed).toBe(DAYS);
        complete++;
      }
      expect(complete).toBe(20);
    }, 120_000);

    it('a streamed answer nobody reads to the end (HEAD, a client that goes away) does not hold DELETE /history', async () => {
      await boot();
      const { port } = app.getHttpServer().address() as AddressInfo;
      fill();
      await http().head(url).expect(200);
      await new Promise<void>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: url }, (res) => {
          res.once('data', () => (req.destroy(), resolve()));
        });
        req.on('error', () => undefined);
        req.end();
      });
      const started = Date.now();
      expect(((await http().delete('/api/v1/history').expect(200)).body as Json).files_removed).toBe(DAYS);
      expect(Date.now() - started).toBeLessThan(5000);
    }, 30_000);

    it('an export racing DELETE /history writes every selected sample (never 503 ENOENT)', async () => {
      await boot();
      for (let trial = 0; trial < 5; trial++) {
        fill();
        const exported = http()
          .post('/api/v1/history/export')
          .send({ from: DAY_START - (DAYS - 1) * 86400, to: DAY_START + 86399, format: 'jsonl' });
        const [res, deleted] = await Promise.all([exported, http().delete('/api/v1/history')]);
        expect(res.status).toBe(200);
        expect(deleted.status).toBe(200);
        const written = readFileSync((res.body as Json).file as string, 'utf8').trimEnd();
        expect(written === '' ? 0 : written.split('\n').length).toBe((res.body as Json).samples);
      }
    }, 60_000);
  });
});
