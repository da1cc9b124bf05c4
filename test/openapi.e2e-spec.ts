import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { canonicalJson } from '../src/openapi/canonical-json.js';
import { engineEnv, freePort, REPO_ROOT, requireDist, run, waitFor } from './helpers/child-process.js';
import { createTestApp } from './helpers/test-app.js';

const COMMITTED = join(REPO_ROOT, 'openapi', 'openapi.json');

/** Throws (failing the test) with where the committed file and the app's document first differ. */
function expectCommittedMatches(served: unknown): void {
  const committed = readFileSync(COMMITTED, 'utf8');
  const expected = canonicalJson(served);
  if (committed !== expected) {
    const a = committed.split('\n');
    const b = expected.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    throw new Error(
      `openapi/openapi.json differs from what the app serves at GET /openapi.json ` +
        `(line ${at + 1}: committed ${JSON.stringify(a[at] ?? '<end>')}, app ${JSON.stringify(b[at] ?? '<end>')}).\n` +
        'Run `npm run openapi` and commit openapi/openapi.json.',
    );
  }
  expect(JSON.parse(committed)).toEqual(served);
}

describe('OpenAPI document', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-openapi-e2e-'));
    app = await createTestApp(join(dir, 'datastore'), { openApiJson: true });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drift test: the committed openapi/openapi.json is exactly what the app serves at GET /openapi.json', async () => {
    const response = await request(app.getHttpServer()).get('/openapi.json').expect(200);
    const served = response.body as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
    expect(served.openapi).toMatch(/^3\./);
    expect(served.info.title).toBe('SentraCore engine');
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/storage/info', '/api/v1/storage/cache/clear']));
    expectCommittedMatches(served);
  });

  // Both as compiled and as bundled for `npm start` (scripts/bundle.mjs).
  it.each(['main.js', 'bundle/main.mjs'])(
    'the standalone server (node dist/%s) serves Swagger UI at /docs and the same document',
    async (entry) => {
      const port = await freePort();
      const standalone = join(dir, entry.replace(/\W+/g, '-')); // dir/datastore belongs to the in-process app above
      const engineConfig = join(standalone, 'engine-config.json');
      const engine = run([requireDist(entry)], engineEnv(standalone, port));
      try {
        const base = `http://127.0.0.1:${port}`;
        const isRunning = () => {
          try {
            return readFileSync(engineConfig, 'utf8').includes('"running"') || undefined;
          } catch {
            return undefined;
          }
        };
        await waitFor('the engine to listen', isRunning, 30_000);
        const docs = await fetch(`${base}/docs`);
        expect(docs.status).toBe(200);
        expect(await docs.text()).toContain('swagger-ui');
        // The UI's own assets come from the swagger-ui-dist package on disk.
        const bundleJs = await fetch(`${base}/docs/swagger-ui-bundle.js`);
        expect(bundleJs.status).toBe(200);
        expect((await bundleJs.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
        const document = await fetch(`${base}/openapi.json`);
        expect(document.status).toBe(200);
        expectCommittedMatches(await document.json());
      } finally {
        engine.child.kill('SIGTERM');
        await engine.exited;
      }
    },
    60_000,
  );
});
