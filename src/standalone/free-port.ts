import { createServer } from 'node:net';

// Only "this port is taken" moves on to the next port. Anything else (an address this machine
// does not have, EADDRNOTAVAIL) fails on every port alike and is the real start-up error.
const PORT_TAKEN = new Set(['EADDRINUSE', 'EACCES']);

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => (PORT_TAKEN.has(error.code ?? '') ? resolve(false) : reject(error)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `start` on (SPEC §2: the configured one, or the next free one). */
export async function findFreePort(start: number, host: string, attempts = 50): Promise<number> {
  for (let port = start; port < start + attempts && port <= 65535; port++) {
    if (await isFree(port, host)) return port;
  }
  const last = start + attempts - 1;
  if (last > 65535) throw new Error(`no free port in ${start}-65535 on ${host} (65535 is the highest port)`);
  throw new Error(`no free port in ${start}-${last} on ${host}`);
}
