import { describe, expect, it, beforeEach, jest } from '@jest/globals';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../common/manual-clock.fixture.js';
import { FLOAT, type WireObject } from '../common/wire.js';
import { resolveOptions } from '../config/resolve-options.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { nodeFs } from '../storage/fs.port.js';
import { StorageHealth } from '../storage/storage-health.js';
import { emptyCheckpoint, parseCheckpoint } from './runtime-checkpoint.record.js';
import { RuntimeStateService } from './runtime-state.service.js';

// The engine's content shape in small: one float-typed score.
const CONTENT: WireObject = { kind: 'object', fields: new Map([['last_stress', { kind: 'object', fields: new Map([['score', FLOAT]]) }]]) };
const FIXTURE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'reference-datastore', 'state', 'runtime.json');

describe('RuntimeStateService', () => {
  let paths: DatastorePaths;
  let clock: ManualClock;
  const make = () => new RuntimeStateService(paths, new AtomicJson(nodeFs, new StorageHealth()), clock);
  const onDisk = async () => JSON.parse(await readFile(paths.runtimeFile(), 'utf8')) as Record<string, unknown>;

  beforeEach(async () => {
    paths = new DatastorePaths(resolveOptions({ dataDir: await mkdtemp(join(tmpdir(), 'sc-runtime-')) }));
    await paths.ensureLayout();
    clock = new ManualClock(1_800_000_000_000);
  });

  it('treats a first boot (no file) as a first start, not a crash; reading writes nothing', async () => {
    const service = make();
    await service.onModuleInit();
    expect(service.previousRunUnclean).toBe(false);
    expect(service.restored).toEqual(emptyCheckpoint());
    await expect(readFile(paths.runtimeFile())).rejects.toThrow(/ENOENT/);
  });

  it('writes the header and the content in their number forms: float-typed values as 12.0', async () => {
    const service = make();
    await service.onModuleInit();
    await service.write({ ...service.restoredContent(), last_stress: { score: 12 } }, false, CONTENT);
    const text = await readFile(paths.runtimeFile(), 'utf8');
    expect(text).toContain('"schema": 1,');
    expect(text).toContain('"last_checkpoint_at": 1800000000.0,');
    expect(text).toMatch(/"last_stress": \{\n\s+"score": 12\.0\n/);
  });

  it('detects a clean previous stop, then writes the flag back to false', async () => {
    const first = make();
    await first.onModuleInit();
    await first.write({ ...first.restoredContent(), last_stress: { score: 12 } }, true, CONTENT);
    expect((await onDisk()).last_clean_shutdown).toBe(true);

    const second = make();
    await second.onModuleInit();
    expect(second.previousRunUnclean).toBe(false);
    expect(second.restored.last_stress).toEqual({ score: 12 });
    await second.write(second.restoredContent(), false, CONTENT); // the engine's mark at start
    const rewritten = await onDisk();
    expect(rewritten.last_clean_shutdown).toBe(false);
    expect(rewritten.last_stress).toEqual({ score: 12 });
  });

  it.each([
    ['empty', ''],
    ['malformed', '{"schema": 1, "last_clean'],
    ['unknown schema', '{"schema": 2, "last_clean_shutdown": true}'],
    ['not an object', '[1, 2]'],
  ])('loads a %s file as defaults and an unclean previous run', async (_name, text) => {
    await writeFile(paths.runtimeFile(), text);
    const service = make();
    await service.onModuleInit();
    expect(service.previousRunUnclean).toBe(true);
    expect(service.restored).toEqual(emptyCheckpoint());
  });

  it('loads the reference checkpoint of the earlier engine unchanged', async () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    await mkdir(paths.section('state'), { recursive: true });
    await writeFile(paths.runtimeFile(), JSON.stringify(fixture));
    const service = make();
    await service.onModuleInit();
    expect(service.previousRunUnclean).toBe(true);
    expect(service.restored).toEqual(fixture);
    expect(service.restored.alerts_recent).toHaveLength(1);
    expect(service.lastCheckpointAt).toBe(fixture.last_checkpoint_at); // nothing written yet: the engine's first write marks the run
  });

  it('round-trips a checkpoint through parseCheckpoint', async () => {
    const service = make();
    await service.onModuleInit();
    const content = { ...service.restoredContent(), alerts_recent: [{ level: 'high' }], last_anomaly: { score: 3 } };
    clock.advance(30_000);
    await service.write(content, false, CONTENT);
    expect(parseCheckpoint(await onDisk())).toEqual({ schema: 1, last_clean_shutdown: false, last_checkpoint_at: 1_800_000_030, ...content });
  });

  // Issue 21 item 13c: a checkpoint holding 200,000 alerts kept them all resident for the whole run.
  it('restores at most the kept 50 alerts, the newest ones, however many the file holds', () => {
    const alerts = Array.from({ length: 200_000 }, (_, i) => ({ timestamp: 1_800_000_000 + ((i * 7919) % 200_000), stress_score: 90, message: `a${i}` }));
    const parsed = parseCheckpoint({ schema: 1, last_clean_shutdown: true, alerts_recent: [null, 'x', ...alerts] })!;
    expect(parsed.alerts_recent).toHaveLength(50);
    expect(parsed.alerts_recent.map((a) => a.timestamp)).toEqual(Array.from({ length: 50 }, (_, i) => 1_800_000_000 + 199_999 - i));
  });

  it('does not parse a checkpoint over 16 MiB (sparse here): unreadable, so an unclean previous run, nothing restored', async () => {
    const { truncate, writeFile } = await import('node:fs/promises');
    await writeFile(paths.runtimeFile(), '{"schema":1,"last_clean_shutdown":true,"alerts_recent":[');
    await truncate(paths.runtimeFile(), 16 * 1024 * 1024 + 1);
    const readFileSpy = jest.spyOn(nodeFs, 'readFile');
    const service = make();
    await service.onModuleInit();
    expect(readFileSpy).not.toHaveBeenCalled();
    readFileSpy.mockRestore();
    expect(service.previousRunUnclean).toBe(true);
    expect(service.restored).toEqual(emptyCheckpoint());
  });
});
