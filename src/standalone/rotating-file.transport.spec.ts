import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
