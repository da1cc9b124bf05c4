import { describe, expect, it } from '@jest/globals';
import type { EngineConfigRecord } from './engine-config.store.js';
import { connectHost, listenPlan } from './listen-plan.js';

const file = (patch: Partial<EngineConfigRecord> = {}): EngineConfigRecord => ({
  host: '127.0.0.1',
  port: 18790,
  bind_host: '127.0.0.1',
  status: 'health_checking',
  last_error: '',
  pid: 4242,
  ...patch,
});

describe('listenPlan (SPEC §2)', () => {
  it('listens on the port the launcher wrote into the file', () => {
    expect(listenPlan({}, file(), false)).toEqual({ host: '127.0.0.1', port: 18790 });
  });

  it('SENTRACORE_PORT overrides the file', () => {
    expect(listenPlan({ port: 9001 }, file(), false).port).toBe(9001);
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1'])('keeps a loopback bind_host %s from the file', (bind) => {
    expect(listenPlan({}, file({ bind_host: bind }), false)).toEqual({ host: bind, port: 18790 });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20'])('refuses a network bind_host %s without a token and listens on loopback', (bind) => {
    expect(listenPlan({}, file({ bind_host: bind }), false)).toEqual({ host: '127.0.0.1', port: 18790, refusedBindHost: bind });
  });

  it('takes a network bind_host from the file when a token protects the admin routes', () => {
    expect(listenPlan({}, file({ bind_host: '0.0.0.0' }), true)).toEqual({ host: '0.0.0.0', port: 18790 });
  });

  it("SENTRACORE_HOST is the operator's word, even without a token (main.ts warns)", () => {
    expect(listenPlan({ host: '0.0.0.0' }, file({ bind_host: '127.0.0.1' }), false)).toEqual({ host: '0.0.0.0', port: 18790 });
  });
});

describe('connectHost (the `host` a local client connects to)', () => {
  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['::', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.2', '127.0.0.2'],
    ['192.168.1.20', '192.168.1.20'],
    ['::1', '[::1]'],
  ])('bound to %s: %s', (bound, host) => {
    expect(connectHost(bound)).toBe(host);
  });
});
