import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RotatingFileTransport } from './rotating-file.transport.js';

const MESSAGE = Symbol.for('message');

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('RotatingFileTransport', () => {
  let dir: string;
  let file: string;
  let transport: RotatingFileTransport;
  const write = (text: string) => transport.log({ [MESSAGE]: text }, () => undefined);
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-log-'));
    file = join(dir, 'logs', 'engine.log');
  });
  afterEach(() => {
    transport.close();
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates logs/ and appends one line per entry', async () => {
    transport = new RotatingFileTransport(file, 1024, 2);
    write('first');
    write('second');
    await waitFor(() => read(file) === 'first\nsecond\n');
    expect(read(file)).toBe('first\nsecond\n');
  });

  it('rotates at the size cap and keeps only the configured number of backups', async () => {
    transport = new RotatingFileTransport(file, 100, 2);
    // 49 bytes per line: two fit in 100 bytes, the third starts a new file.
    const line = (i: number) => `line ${i} `.padEnd(48, '.');
    for (let i = 1; i <= 7; i++) write(line(i));
    await waitFor(() => read(file) === `${line(7)}\n` && read(`${file}.2`) === `${line(3)}\n${line(4)}\n`);
    expect(read(`${file}.1`)).toBe(`${line(5)}\n${line(6)}\n`);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['engine.log', 'engine.log.1', 'engine.log.2']);
  });

  it('with no backups, truncates instead of rotating', async () => {
    transport = new RotatingFileTransport(file, 100, 0);
    for (let i = 1; i <= 3; i++) write(`${i}`.repeat(60));
    await waitFor(() => read(file) === `${'3'.repeat(60)}\n`);
    expect(readdirSync(join(dir, 'logs'))).toEqual(['engine.log']);
  });

  it('recreates a logs/ folder deleted while running (SPEC §8) and keeps logging', async () => {
    let nowMs = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => nowMs);
    transport = new RotatingFileTransport(file, 1024, 2);
    write('before');
    await waitFor(() => read(file) === 'before\n');
    rmSync(join(dir, 'logs'), { recursive: true });
    // The transport re-checks that its file still exists every few seconds.
    nowMs += 6000;
    write('after');
    await waitFor(() => read(file) === 'after\n');
    expect(readdirSync(join(dir, 'logs'))).toEqual(['engine.log']);
  });
});

// Issue 21 item 4: a logs/engine.log that is a symbolic link had the log written into its target.
describe('RotatingFileTransport and symbolic links', () => {
  let dir: string;
  let transport: RotatingFileTransport;
  const write = (text: string) => transport.log({ [MESSAGE]: text }, () => undefined);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-log-link-'));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    transport.close();
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never writes through an engine.log that is a link: the target (a canary outside logs/) is untouched', async () => {
    const canary = join(dir, 'outside', 'canary.txt');
    mkdirSync(join(dir, 'outside'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(canary, 'canary\n');
    const file = join(dir, 'logs', 'engine.log');
    symlinkSync(canary, file);
    transport = new RotatingFileTransport(file, 1024, 2);
    write('must not reach the canary');
    write('nor this');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readFileSync(canary, 'utf8')).toBe('canary\n');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(process.stderr.write).toHaveBeenCalledWith(expect.stringContaining('is a symbolic link'));
  });

  it('writes into a logs/ folder relocated by a link (supported), as a regular engine.log there', async () => {
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'logs'));
    transport = new RotatingFileTransport(join(dir, 'logs', 'engine.log'), 1024, 2);
    write('relocated');
    await waitFor(() => existsSync(join(dir, 'elsewhere', 'engine.log')) && readFileSync(join(dir, 'elsewhere', 'engine.log'), 'utf8') === 'relocated\n');
    expect(lstatSync(join(dir, 'elsewhere', 'engine.log')).isFile()).toBe(true);
  });
});
