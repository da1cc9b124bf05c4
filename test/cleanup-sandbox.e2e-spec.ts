import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import request from 'supertest';
import { bootEngine } from './helpers/boot-engine.js';
import { sandboxHome } from './helpers/cleanup-sandbox.js';
import { engineEnv, freePort, REPO_ROOT, requireDist, run, waitFor } from './helpers/child-process.js';

// The safety net of every other suite: no engine a test starts sees the built-in cleanup table
// against this machine's folders, nor the real home. test/setup/cleanup-sandbox.ts sandboxes each
// worker; this suite proves it for an in-process engine, a child engine, and every engine factory in test/.

const CONSTRUCTS_ENGINE = /SentraCoreModule\.forRoot(Async)?\(|createHostApp\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('cleanup sandbox of the test suites (e2e)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-sandbox-check-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('every worker runs with a sandboxed home and an empty category table', () => {
    expect(process.env.HOME).not.toBe(userInfo().homedir);
    expect(sandboxHome().startsWith(tmpdir())).toBe(true);
    expect(JSON.parse(readFileSync(process.env.SENTRACORE_CLEANUP_CATEGORIES_FILE!, 'utf8'))).toEqual([]);
    expect(process.env.SENTRACORE_LARGE_FILES_ROOTS).toBeUndefined();
  });

  it('an in-process engine booted without cleanup options lists no category and may walk only the sandbox home', async () => {
    const app = await bootEngine({ dataDir: join(root, 'in-process'), sampling: { enabled: false } });
    try {
      const http = () => request(app.getHttpServer());
      expect((await http().get('/api/v1/cleanup/categories').expect(200)).body).toMatchObject({ source: 'file', categories: [] });
      expect((await http().post('/api/v1/cleanup/scan').send({}).expect(200)).body).toMatchObject({ ok: true, categories: [], total_files: 0 });
      // The real home is outside what it may walk: refused before any walk.
      const real = userInfo().homedir;
      expect((await http().get('/api/v1/storage/large').query({ path: real }).expect(200)).body).toEqual({
        ok: false,
        error: expect.stringContaining(`${real} is outside`),
      });
      expect((await http().get('/api/v1/storage/large').query({ path: '~' }).expect(200)).body).toMatchObject({ ok: true, root: sandboxHome() });
    } finally {
      await app.close();
    }
  });

  it('a child engine started as the child-process tests start it inherits the same sandbox', async () => {
    const port = await freePort();
    const child = run([requireDist('main.js')], engineEnv(join(root, 'child'), port));
    try {
      const url = `http://127.0.0.1:${port}/api/v1/cleanup/categories`;
      const body = await waitFor('the child engine', async () => {
        const response = await fetch(url).catch(() => null);
        return response?.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
      });
      expect(body).toMatchObject({ source: 'file', categories: [] });
    } finally {
      child.child.kill('SIGTERM');
      await child.exited;
    }
  }, 30_000);

  it('every engine factory in test/ passes the sandboxed cleanup settings', () => {
    const unsafe = sourceFiles(join(REPO_ROOT, 'test'))
      .filter((file) => CONSTRUCTS_ENGINE.test(readFileSync(file, 'utf8')))
      .filter((file) => !/sandboxCleanup|withCleanupSandbox/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    expect(unsafe).toEqual([]);
  });
});
