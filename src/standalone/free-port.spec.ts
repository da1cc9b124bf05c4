import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { findFreePort } from './free-port.js';

const listen = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
const portOf = (server: Server) => (server.address() as { port: number }).port;

describe('findFreePort', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('returns the configured port when it is free', async () => {
    const probe = await listen(0);
    const port = portOf(probe);
    await new Promise((resolve) => probe.close(resolve));
    expect(await findFreePort(port, '127.0.0.1')).toBe(port);
  });

  it('skips a busy port and returns a later free one', async () => {
    const busy = await listen(0);
    servers.push(busy);
    const port = await findFreePort(portOf(busy), '127.0.0.1');
    expect(port).toBeGreaterThan(portOf(busy));
    expect(port).toBeLessThan(portOf(busy) + 50);
  });

  it('reports an address that cannot be bound as itself, not as "no free port"', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never assigned to this machine, so binding fails without any traffic.
    await expect(findFreePort(18740, '192.0.2.1')).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
  });

  it('gives up after the given number of busy ports', async () => {
    const busy = await listen(0);
    servers.push(busy);
    await expect(findFreePort(portOf(busy), '127.0.0.1', 1)).rejects.toThrow(`no free port in ${portOf(busy)}-${portOf(busy)} on 127.0.0.1`);
  });

  it('names the real end of the range when it reaches the highest port', async () => {
    // 65535 taken (by this test, or already by another process: busy either way), nothing above it to try.
    const top = await new Promise<Server | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen({ port: 65535, host: '127.0.0.1', exclusive: true }, () => resolve(server));
    });
    if (top) servers.push(top);
    await expect(findFreePort(65535, '127.0.0.1')).rejects.toThrow('no free port in 65535-65535 on 127.0.0.1 (65535 is the highest port)');
  });
});
