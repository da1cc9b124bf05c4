import { createServer } from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `start` on (SPEC §2: the configured one, or the next free one). */
export async function findFreePort(start: number, host: string, attempts = 50): Promise<number> {
  for (let port = start; port < start + attempts && port <= 65535; port++) {
    if (await isFree(port, host)) return port;
  }
  throw new Error(`no free port in ${start}-${start + attempts - 1} on ${host}`);
}
