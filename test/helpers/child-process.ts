import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(REPO_ROOT, 'dist');

/** Fails clearly when dist/ is missing (jest's globalSetup builds it; see test/global-setup.mjs). */
export function requireDist(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" (jest's globalSetup normally does)`);
  return path;
}

/** The parent's environment minus jest's NODE_OPTIONS, so a child runs as plain node. */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * The environment of a `node dist/main.js` under test, laid out as every child-process test does:
 * `dir/datastore`, `dir/engine-config.json`, the given port and scripted telemetry. ENGINE_PORT, the
 * port's fallback variable, is dropped so a developer's own setting never reaches the child.
 */
export function engineEnv(dir: string, port: number, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = plainEnv({
    SENTRACORE_DATA_DIR: join(dir, 'datastore'),
    SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
    SENTRACORE_PORT: String(port),
    SENTRACORE_TELEMETRY_SOURCE: 'scripted',
    ...overrides,
  });
  delete env.ENGINE_PORT;
  return env;
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
}

export function run(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** A loopback port free right now (the engine under test then listens on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export { waitFor } from './wait-for.js';
