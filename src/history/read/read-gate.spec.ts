import { describe, expect, it } from '@jest/globals';
import { GateBusyError, ReadGate } from './read-gate.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadGate (reads exclude deletes, issue 21 item 7)', () => {
  it('a delete waits for the read in progress, then runs; a read arriving meanwhile waits for the delete', async () => {
    const gate = new ReadGate();
    const order: string[] = [];
    const releaseFirst = await gate.enterRead();
    const deletion = gate.exclusive(async () => void order.push('delete'), 1000);
    const second = gate.enterRead().then((release) => (order.push('second read'), release()));
    await tick();
    expect(order).toEqual([]);
    order.push('first read done');
    releaseFirst();
    await Promise.all([deletion, second]);
    expect(order).toEqual(['first read done', 'delete', 'second read']);
  });

  it('gives up after its wait (nothing runs) and lets the waiting reads go on', async () => {
    const gate = new ReadGate();
    const release = await gate.enterRead();
    let ran = false;
    await expect(gate.exclusive(async () => void (ran = true), 20)).rejects.toBeInstanceOf(GateBusyError);
    expect(ran).toBe(false);
    const next = await gate.enterRead();
    expect(gate.activeReaders).toBe(2);
    release();
    next();
    release(); // a second call is harmless
    expect(gate.activeReaders).toBe(0);
  });

  it('runs at once with no reader, and deletes run one at a time', async () => {
    const gate = new ReadGate();
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = gate.exclusive(() => new Promise<void>((resolve) => (finishFirst = () => (order.push('first'), resolve()))), 10);
    const second = gate.exclusive(async () => void order.push('second'), 10);
    await tick();
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});
