import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { ConnectionGuard } from './connection-guard.js';

class FakeSocket extends EventEmitter {
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}
const socket = () => new FakeSocket() as unknown as Socket & FakeSocket;

describe('ConnectionGuard', () => {
  it('at the cap, a newcomer evicts the oldest socket that never sent a request', () => {
    const guard = new ConnectionGuard(3);
    const [a, b, c, d] = [socket(), socket(), socket(), socket()];
    [a, b, c].forEach((s) => guard.accept(s));
    guard.markUsed(a);
    guard.accept(d);
    expect([a.destroyed, b.destroyed, c.destroyed, d.destroyed]).toEqual([false, true, false, false]);
    expect(guard.size).toBe(3);
    expect(guard.evicted).toBe(1);
  });

  it('refuses the newcomer only when every open connection is in use', () => {
    const guard = new ConnectionGuard(2);
    const [a, b, c] = [socket(), socket(), socket()];
    [a, b].forEach((s) => (guard.accept(s), guard.markUsed(s)));
    guard.accept(c);
    expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([false, false, true]);
    expect(guard.refused).toBe(1);
  });

  it('frees the slot of a closed socket', () => {
    const guard = new ConnectionGuard(1);
    const [a, b] = [socket(), socket()];
    guard.accept(a);
    guard.markUsed(a);
    a.destroy();
    guard.accept(b);
    expect(b.destroyed).toBe(false);
    expect(guard.size).toBe(1);
  });
});
