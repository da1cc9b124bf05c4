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

  it('writes the defaults when the file is missing, with last_error "" as the dashboard writes it', async () => {
    const store = new EngineConfigStore(file, 8740);
    const defaults = { host: '127.0.0.1', port: 8740, bind_host: '127.0.0.1', status: 'stopped', last_error: '', pid: 0 };
    expect(await store.load()).toEqual(defaults);
    expect(onDisk()).toEqual(defaults);
  });

  it('replaces a malformed file with the defaults', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    writeFileSync(file, '{"host": "127.0.0.1", "po');
    await new EngineConfigStore(file, 9000).load();
    expect(onDisk()).toMatchObject({ status: 'stopped', port: 9000, pid: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('keeps the stored fields, the port included: the launcher wrote the port it wants (SPEC §2)', async () => {
    const launcher = { host: '127.0.0.1', port: 18790, bind_host: '0.0.0.0', status: 'health_checking', last_error: '', pid: 4242 };
    writeFileSync(file, JSON.stringify(launcher));
    expect(await new EngineConfigStore(file, 8740).load()).toEqual(launcher);
    expect(onDisk()).toEqual(launcher); // read, not rewritten
  });

  it.each([
    ['no port', { host: '127.0.0.1', status: 'running' }],
    ['a port out of range', { host: '127.0.0.1', port: 70000 }],
    ['a port as text', { host: '127.0.0.1', port: '8741' }],
  ])('treats a file with %s as unusable and writes the defaults with ENGINE_PORT', async (_name, stored) => {
    writeFileSync(file, JSON.stringify(stored));
    expect(await new EngineConfigStore(file, 9100).load()).toMatchObject({ port: 9100, status: 'stopped' });
    expect(onDisk()).toMatchObject({ port: 9100, last_error: '' });
  });

  it('repairs single fields of the wrong type one by one (null last_error, unknown status, empty bind_host)', async () => {
    writeFileSync(file, JSON.stringify({ host: '', port: 8745, bind_host: '', status: 'exploded', last_error: null, pid: 'x' }));
    expect(await new EngineConfigStore(file, 8740).load()).toEqual({
      host: '127.0.0.1',
      port: 8745,
      bind_host: '127.0.0.1',
      status: 'stopped',
      last_error: '',
      pid: 0,
    });
  });

  it('update patches and persists atomically, leaving no temp file', async () => {
    const store = new EngineConfigStore(file, 8740);
    await store.load();
    await store.update({ status: 'running', port: 8742, pid: 4242 });
    expect(onDisk()).toEqual({ host: '127.0.0.1', port: 8742, bind_host: '127.0.0.1', status: 'running', last_error: '', pid: 4242 });
    await store.update({ status: 'stopped', pid: 0 });
    expect(onDisk()).toMatchObject({ status: 'stopped', pid: 0, port: 8742 });
    expect(readdirSync(dir)).toEqual(['engine-config.json']);
  });
});
