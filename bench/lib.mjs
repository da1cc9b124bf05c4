// Helpers shared by the bench scripts.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Exits 2 with `missing <what>: <path>` when the file is absent, before any slow set-up starts. */
export function requireFile(what, path) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path}`);
    process.exit(2);
  }
}

/** A loopback port free right now (the child under test then listens on it). */
export const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
