import { describe, expect, it } from '@jest/globals';
import { applyNodeFlags, NPM_START_NODE_FLAGS } from './node-flags.js';

describe('applyNodeFlags', () => {
  it('sets every npm start flag the process was not started with', () => {
    const set: string[] = [];
    expect(applyNodeFlags([], (flag) => set.push(flag))).toEqual([...NPM_START_NODE_FLAGS]);
    expect(set).toEqual(['--max-semi-space-size=4', '--no-memory-reducer', '--optimize-for-size']);
  });

  it('leaves the flags node already had from its command line', () => {
    const set: string[] = [];
    expect(applyNodeFlags(['--max-semi-space-size=4', '--no-memory-reducer', '--optimize-for-size'], (flag) => set.push(flag))).toEqual([]);
    expect(set).toEqual([]);
  });

  it('names the same flags as package.json "start"', async () => {
    const { readFile } = await import('node:fs/promises');
    const start = (JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    for (const flag of NPM_START_NODE_FLAGS) expect(start.split(' ')).toContain(flag);
  });
});
