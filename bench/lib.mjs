// Helpers shared by the bench scripts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => ok(port));
    });
  });

/**
 * What `npm start` runs (`node <flags> <entry>` in package.json), so the benches measure the
 * engine as users run it: `{ flags, entry }`, the entry as an absolute path.
 */
export function startCommand(repo) {
  const [, ...parts] = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts.start.split(/\s+/);
  return {
    flags: parts.filter((part) => part.startsWith('--')),
    entry: join(
      repo,
      parts.find((part) => !part.startsWith('--')),
    ),
  };
}
