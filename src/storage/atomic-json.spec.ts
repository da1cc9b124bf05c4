import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicJson } from './atomic-json.js';
import { nodeFs, type FsPort } from './fs.port.js';
import { StorageHealth } from './storage-health.js';

const fsError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('AtomicJson', () => {
  let dir: string;
  let file: string;
  let health: StorageHealth;
  const make = (fs: Partial<FsPort> = {}) => new AtomicJson({ ...nodeFs, ...fs }, health);
  const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as unknown;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-json-'));
    file = join(dir, 'baseline.json');
    health = new StorageHealth();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a value as indented JSON with a trailing newline', async () => {
    const json = make();
    const value = { global: { cpu_percent: { count: 3, mean: 12.5, min: null } }, list: [1, 'two'] };
    await json.write(file, value);
    expect(await json.read(file, {})).toEqual(value);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('leaves no temp siblings after overwriting a file many times', async () => {
    const json = make();
    for (let i = 0; i < 20; i++) await json.write(file, { i });
    expect(readdirSync(dir)).toEqual(['baseline.json']);
    expect(onDisk()).toEqual({ i: 19 });
  });

  it('queues concurrent writes to one path: the last call wins and nothing is left behind', async () => {
    const json = make();
    await Promise.all(Array.from({ length: 10 }, (_, i) => json.write(file, { i })));
    expect(onDisk()).toEqual({ i: 9 });
    expect(readdirSync(dir)).toEqual(['baseline.json']);
  });

  it('retries a rename that fails with EPERM twice, then writes the new content', async () => {
    writeFileSync(file, '{"old":true}');
    const rename = jest.fn<FsPort['rename']>();
    rename.mockRejectedValueOnce(fsError('EPERM')).mockRejectedValueOnce(fsError('EPERM')).mockImplementation(nodeFs.rename);
    await make({ rename }).write(file, { new: true });
    expect(rename).toHaveBeenCalledTimes(3);
    expect(onDisk()).toEqual({ new: true });
    expect(readdirSync(dir)).toEqual(['baseline.json']);
    expect(health.writable).toBe(true);
  });

  it('gives up after bounded retries: the old file stays intact and the temp file is removed', async () => {
    writeFileSync(file, '{"old":true}');
    const rename = jest.fn<FsPort['rename']>().mockRejectedValue(fsError('EBUSY'));
    await expect(make({ rename }).write(file, { new: true })).rejects.toThrow('EBUSY');
    expect(rename).toHaveBeenCalledTimes(5);
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['baseline.json']);
  });

  it('a failing write keeps the old file intact, removes the temp file and marks storage unwritable', async () => {
    writeFileSync(file, '{"old":true}');
    const open: FsPort['open'] = async (path, flags) => {
      const handle = await nodeFs.open(path, flags);
      if (flags !== 'w') return handle;
      // A disk that fills up half-way through: part of the text lands, then the write throws.
      handle.writeFile = async () => {
        await nodeFs.writeFile(String(path), '{"half":');
        throw fsError('ENOSPC');
      };
      return handle;
    };
    await expect(make({ open }).write(file, { new: true })).rejects.toThrow('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['baseline.json']);
    expect(health.writable).toBe(false);
    expect(health.lastErrorMessage).toContain('ENOSPC');
  });

  it('does not retry a rename error that is not transient', async () => {
    const rename = jest.fn<FsPort['rename']>().mockRejectedValue(fsError('EXDEV'));
    await expect(make({ rename }).write(file, { a: 1 })).rejects.toThrow('EXDEV');
    expect(rename).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('recreates a folder deleted underneath it', async () => {
    const nested = join(dir, 'state', 'runtime.json');
    await make().write(nested, { schema: 1 });
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual({ schema: 1 });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['whitespace only', ' \n\t'],
    ['malformed', '{"global": {"cpu_percent": '],
    ['padded with NUL bytes', '{"a":1}\u0000\u0000'],
  ])('returns the fallback when the file is %s', async (_label, content) => {
    if (content !== undefined) writeFileSync(file, content);
    const fallback = { ready: false };
    expect(await make().read(file, fallback)).toBe(fallback);
  });

  it('logs a warning naming a malformed file', async () => {
    writeFileSync(file, 'not json');
    await make().read(file, null);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining(file) }));
  });

  it('sweepTempFiles removes only its own temp-file pattern', async () => {
    const names = ['.baseline.json.123.0.tmp', '.runtime.json.9.14.tmp', 'baseline.json', 'notes.tmp', '.hidden'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    expect(await make().sweepTempFiles(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['.hidden', 'baseline.json', 'notes.tmp']);
    expect(await make().sweepTempFiles(join(dir, 'missing'))).toBe(0);
  });
});
