import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { engineEnv, REPO_ROOT, requireDist, run, type Running, freePort } from './helpers/child-process.js';

// Swagger UI at /docs in a real browser (Debian's chromium driven by playwright-core), served by the
// real standalone server (`node dist/main.js`): its static assets come through @fastify/static,
// which jest's module loader cannot run, so the server runs as a child process on a free port.

const CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = 'chromium is not installed: run `apt-get update && apt-get install -y chromium` (.ci/run does this)';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
// As this machine's notes require: no sandbox as root, and no background traffic to a closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Expands an operation, clicks "Try it out" then "Execute", returns the live response's code and body,
 * and saves a screenshot of the operation as the browser shows it.
 */
async function tryItOut(page: Page, operationId: string, screenshot: string): Promise<{ code: string; body: string }> {
  const block = page.locator(`[id$="-${operationId}"].opblock`);
  await block.locator('.opblock-summary').first().click();
  await block.getByRole('button', { name: 'Try it out' }).click();
  await block.getByRole('button', { name: 'Execute' }).click();
  const live = block.locator('.live-responses-table .response');
  await live.first().waitFor({ timeout: 15_000 });
  const code = (await live.first().locator('.response-col_status').innerText()).trim();
  const body = await live.first().locator('.response-col_description pre').first().innerText();
  mkdirSync(ARTIFACTS, { recursive: true });
  await block.screenshot({ path: join(ARTIFACTS, screenshot) });
  return { code, body };
}

describe('Swagger UI at /docs in Chromium (e2e)', () => {
  let root: string;
  let engine: Running;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    try {
      accessSync(CHROMIUM, constants.X_OK);
    } catch {
      throw new Error(INSTALL_HINT);
    }
    root = mkdtempSync(join(tmpdir(), 'sentracore-swagger-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    engine = run([requireDist('main.js')], engineEnv(root, port));
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${baseUrl}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (engine.child.exitCode !== null) throw new Error(`engine exited ${engine.child.exitCode}:\n${engine.stderr()}`);
      if (Date.now() > deadline) throw new Error(`engine did not answer /api/v1/health within 30 s:\n${engine.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (engine && engine.child.exitCode === null) {
      engine.child.kill('SIGTERM');
      await engine.exited;
    }
    if (root) rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('renders the engine API, runs GET /api/v1/health with "Try it out" and shows the 200 body', async () => {
    await page.goto(`${baseUrl}/docs`, { waitUntil: 'load' });
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('SentraCore engine');
    const { code, body } = await tryItOut(page, 'HealthController_health', 'swagger-ui-health.png');
    expect(code).toBe('200');
    expect(JSON.parse(body)).toMatchObject({ status: 'running', engine: true, websocket_clients: { live: 0, alerts: 0 } });
  }, 60_000);

  it('runs the admin action POST /api/v1/storage/cache/clear: 200 in the page, and the cache folder emptied on disk', async () => {
    const cache = join(root, 'datastore', 'cache');
    mkdirSync(join(cache, 'thumbnails'), { recursive: true });
    writeFileSync(join(cache, 'derived.bin'), Buffer.alloc(2048, 1));
    writeFileSync(join(cache, 'thumbnails', 'a.bin'), Buffer.alloc(1024, 1));
    const { code, body } = await tryItOut(page, 'StorageController_clearCache', 'swagger-ui-cache-clear.png');
    expect(code).toBe('200');
    expect(JSON.parse(body)).toEqual({ ok: true, files_removed: 2, bytes_freed: 3072 });
    expect(existsSync(join(cache, 'derived.bin'))).toBe(false);
    expect(readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith('.bin'))).toEqual([]);
    expect(existsSync(join(root, 'datastore', 'state', 'runtime.json'))).toBe(true); // only cache/ was touched
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui.png'), fullPage: true });
  }, 60_000);
});
