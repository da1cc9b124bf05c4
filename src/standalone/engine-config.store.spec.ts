import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineConfigStore } from './engine-config.store.js';

describe('EngineConfigStore (SPEC §2 engine-config.json)', () => {
  let dir: string;
  let file: string;
  const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-engine-config-'));
    file = join(dir, 'engine-config.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the defaults when the file is missing', async () => {
    const store = new EngineConfigStore(file, { host: '127.0.0.1', port: 8740 });
    const defaults = { host: '127.0.0.1', port: 8740, bind_host: '127.0.0.1', status: 'stopped', last_error: null, pid: 0 };
    expect(await store.load()).toEqual(defaults);
    expect(onDisk()).toEqual(defaults);
  });

  it('replaces a malformed file with the defaults', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    writeFileSync(file, '{"host": "127.0.0.1", "po');
    await new EngineConfigStore(file, { host: '127.0.0.1', port: 9000 }).load();
    expect(onDisk()).toMatchObject({ status: 'stopped', port: 9000, pid: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('keeps stored fields but takes the port from the environment', async () => {
    writeFileSync(file, JSON.stringify({ host: 'localhost', port: 8741, bind_host: '127.0.0.1', status: 'failed', last_error: 'boom', pid: 0 }));
    const loaded = await new EngineConfigStore(file, { host: '127.0.0.1', port: 8740 }).load();
    expect(loaded).toEqual({ host: 'localhost', port: 8740, bind_host: '127.0.0.1', status: 'failed', last_error: 'boom', pid: 0 });
  });

  it('update patches and persists atomically, leaving no temp file', async () => {
    const store = new EngineConfigStore(file, { host: '127.0.0.1', port: 8740 });
    await store.load();
    await store.update({ status: 'running', port: 8742, pid: 4242 });
    expect(onDisk()).toEqual({ host: '127.0.0.1', port: 8742, bind_host: '127.0.0.1', status: 'running', last_error: null, pid: 4242 });
    await store.update({ status: 'stopped', pid: 0 });
    expect(onDisk()).toMatchObject({ status: 'stopped', pid: 0, port: 8742 });
    expect(readdirSync(dir)).toEqual(['engine-config.json']);
  });
});
