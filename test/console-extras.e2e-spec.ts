import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { demoScript, SCRIPTED_DEFAULTS } from '../src/telemetry/scripted.source.js';
import type { ProcessRecord } from '../src/telemetry/snapshot.record.js';
import { sandboxHome } from './helpers/cleanup-sandbox.js';
import { collectErrors, launchChromium, openPage, screenshot, startConsoleEngine } from './helpers/console-browser.js';
import { CLEANUP_APPLIED, CLEANUP_CATEGORIES, CLEANUP_SCAN, HARDWARE_HEALTH, LARGE_FILES, PENDING_ROUTES } from './helpers/extras-shapes.js';

// The console pages whose routes are being built on other branches: process actions, hardware health,
// cleanup, large files. Part one checks the pages against the earlier engine's shapes, the browser
// answering for those routes (nothing reaches a real process or file). Part two runs against this
// engine: where it serves a route, the page must work with it for real; where it does not, the page
// must say so plainly, without a console error. The assertions that need each route are listed in
// docs/console.md.

/** A child's start time in unix seconds, as the system source reports `create_time` (Linux /proc). */
function startTime(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const boot = Number(/btime (\d+)/.exec(readFileSync('/proc/stat', 'utf8'))![1]);
  return boot + ticks / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
}

function idleChild(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

function asProcess(child: ChildProcess, cpu: number): ProcessRecord {
  const pid = child.pid!;
  const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  return { pid, name, cpu_percent: cpu, memory_percent: 0.5, memory_rss: 40 * 1024 * 1024, status: 'sleeping', create_time: startTime(pid) };
}

// Process actions refuse an elevated engine without a token (these tests run as root), so the engine
// has one and every page starts with it in sessionStorage, as after the console's token prompt.
const TOKEN = 'console-extras-token';

describe('console pages for routes landing on other branches (e2e)', () => {
  let root: string;
  let engine: { app: NestFastifyApplication; baseUrl: string };
  let browser: Browser;
  let context: BrowserContext;
  let served: Set<string>;
  // Spawned here, the only real processes these tests may act on: the target ends, the canary must survive.
  const target = idleChild();
  const canary = idleChild();

  async function freshPage(): Promise<{ page: Page; errors: string[] }> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: `sessionStorage.setItem('sentracore.token', ${JSON.stringify(TOKEN)});` });
    const page = await context.newPage();
    return { page, errors: collectErrors(page) };
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-console-extras-'));
    await new Promise((resolve) => setTimeout(resolve, 200)); // let /proc show the children's comm
    const tracked = [asProcess(target, 9.5), asProcess(canary, 8.5)];
    engine = await startConsoleEngine(join(root, 'datastore'), {
      script: (cycle) => ({ ...demoScript(cycle), processes: [...SCRIPTED_DEFAULTS.processes, ...tracked] }),
      apiToken: TOKEN,
    });
    const doc = (await (await fetch(`${engine.baseUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    served = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const child of [target, canary]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await browser?.close();
    await engine?.app.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 30_000);

  describe('against the earlier engine’s shapes (the browser answers for the pending routes)', () => {
    let requests: { method: string; url: URL; body: unknown }[];

    async function fakedPage(): Promise<{ page: Page; errors: string[] }> {
      const opened = await freshPage();
      requests = [];
      const answer = (body: unknown) => async (route: { request(): Request; fulfill(o: { json: unknown }): Promise<void> }) => {
        const request = route.request();
        requests.push({ method: request.method(), url: new URL(request.url()), body: request.postDataJSON() as unknown });
        await route.fulfill({ json: body });
      };
      await context.route('**/openapi.json', async (route) => {
        const response = await route.fetch();
        const doc = (await response.json()) as { paths: Record<string, object> };
        for (const [path, methods] of Object.entries(PENDING_ROUTES)) doc.paths[path] ??= Object.fromEntries(methods.map((m) => [m, {}]));
        await route.fulfill({ response, json: doc });
      });
      await context.route(/\/api\/v1\/processes\/\d+\/action$/, answer({ ok: true }));
      await context.route(/\/api\/v1\/hardware\/(health|test)/, answer(HARDWARE_HEALTH));
      await context.route(/\/api\/v1\/cleanup\/categories$/, answer(CLEANUP_CATEGORIES));
      await context.route(/\/api\/v1\/cleanup\/scan$/, answer(CLEANUP_SCAN));
      await context.route(/\/api\/v1\/cleanup\/apply$/, answer(CLEANUP_APPLIED));
      await context.route(/\/api\/v1\/storage\/large\?/, answer(LARGE_FILES));
      return opened;
    }

    it('Processes: priority actions go straight out; "End…" names the process first, Cancel sends nothing, Confirm sends terminate', async () => {
      const { page, errors } = await fakedPage();
      await openPage(page, engine.baseUrl, 'processes', 'Processes');
      const row = page.locator('tr[data-pid="4200"]');
      await row.getByRole('button', { name: 'Lower priority' }).click();
      await page.getByText('Lower priority: done for editor (PID 4200).').waitFor();
      await row.getByRole('button', { name: 'End…' }).click();
      const dialog = page.getByRole('dialog', { name: 'End editor (PID 4200)?' });
      expect(await dialog.innerText()).toContain('Any unsaved work in it.');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await row.getByRole('button', { name: 'Kill…' }).click();
      await page.getByRole('dialog', { name: 'Force kill editor (PID 4200)?' }).getByRole('button', { name: 'Cancel' }).click();
      await row.getByRole('button', { name: 'End…' }).click();
      await screenshot(page, 'processes-confirm');
      await dialog.getByRole('button', { name: 'End process' }).click();
      await page.getByText('End: done for editor (PID 4200).').waitFor();
      const actions = requests.filter((r) => r.url.pathname.endsWith('/action'));
      expect(actions.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
        ['POST', '/api/v1/processes/4200/action', { action: 'lower_priority' }],
        ['POST', '/api/v1/processes/4200/action', { action: 'terminate' }],
      ]);
      expect(errors).toEqual([]);
    }, 60_000);

    it('Hardware: the report with its overall status, components, issues and volumes; Refresh and the test buttons ask the engine', async () => {
      const { page, errors } = await fakedPage();
      await openPage(page, engine.baseUrl, 'hardware', 'Hardware');
      await page.getByText('Overall').waitFor();
      expect(await page.locator('.toolbar .pill').first().innerText()).toBe('warning');
      for (const title of ['CPU', 'Memory', 'Storage devices']) await page.getByRole('heading', { name: title }).waitFor();
      expect(await page.locator('main').innerText()).toMatch(
        /Load avg pct\s+67\.5 %[\s\S]*Max temp c\s+not available[\s\S]*Total bytes\s+23\.5 GiB[\s\S]*volume: \/\s+warning\s+30\.2 GiB free of 252\.0 GiB \(ext4\)\s+12\.0% free/,
      );
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('button', { name: 'Test storage' }).click();
      await page.locator('button:has-text("Test storage"):not([disabled])').waitFor();
      await screenshot(page, 'hardware-reference');
      expect(requests.map((r) => `${r.url.pathname}${r.url.search}`)).toEqual([
        '/api/v1/hardware/health?refresh=false',
        '/api/v1/hardware/health?refresh=true',
        '/api/v1/hardware/test?target=disk',
      ]);
      expect(errors).toEqual([]);
    }, 60_000);

    it('Storage: cleanup scans, previews, names what it deletes and applies only the chosen categories; largest files list', async () => {
      const { page, errors } = await fakedPage();
      await openPage(page, engine.baseUrl, 'storage', 'Storage');
      await page.getByRole('button', { name: 'Scan' }).click();
      await page.locator('tr[data-category="user_cache"]').waitFor();
      expect(await page.getByLabel('Clean Trash').isDisabled()).toBe(true); // nothing to reclaim there
      await page.getByRole('button', { name: 'Clean selected…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete these files permanently?' });
      expect(await dialog.innerText()).toMatch(
        /User cache \(~\/\.cache\): 5 files, 8\.51 KiB \(\/home\/u\/\.cache\)[\s\S]*deleted permanently: it cannot be recovered/,
      );
      await dialog.getByRole('button', { name: 'Delete permanently' }).click();
      await page.getByText('Freed 8.51 KiB across 5 files (deleted) · 0 skipped · 0 errors').waitFor();
      const apply = requests.find((r) => r.url.pathname.endsWith('/cleanup/apply'));
      expect(apply?.body).toEqual({ scan_id: CLEANUP_SCAN.scan_id, category_ids: ['user_cache'], mode: 'permanent' });

      await page.getByLabel("Folder on the engine's machine").fill('/home/u/big');
      await page.getByLabel('At least (MB)').fill('1');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByText('/home/u/big/movie.mkv').waitFor();
      const large = requests.find((r) => r.url.pathname.endsWith('/storage/large'))!;
      expect(Object.fromEntries(large.url.searchParams)).toEqual({ path: '/home/u/big', min_mb: '1', limit: '100' });
      await screenshot(page, 'storage-cleanup-reference');
      expect(errors).toEqual([]);
    }, 60_000);

    it('a route the document lists but the engine answers 404: a readable message, no error from the page itself', async () => {
      const { page, errors } = await freshPage();
      await context.route('**/openapi.json', async (route) => {
        const response = await route.fetch();
        const doc = (await response.json()) as { paths: Record<string, object> };
        doc.paths['/api/v1/hardware/health'] = { get: {} };
        await route.fulfill({ response, json: doc });
      });
      await context.route(/\/api\/v1\/hardware\/health/, (route) =>
        route.fulfill({ status: 404, json: { statusCode: 404, error: 'Not Found', message: 'Cannot GET' } }),
      );
      await openPage(page, engine.baseUrl, 'hardware', 'Hardware');
      await page.getByText('The hardware health report is not available on this engine (HTTP 404).').waitFor();
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    }, 60_000);
  });

  describe('against this engine', () => {
    it('Processes: the ranked table; with POST /processes/{pid}/action, "End…" ends the spawned target and nothing else', async () => {
      const { page, errors } = await freshPage();
      await openPage(page, engine.baseUrl, 'processes', 'Processes');
      const row = page.locator(`tr[data-pid="${target.pid}"]`);
      await row.waitFor();
      if (served.has('POST /api/v1/processes/{pid}/action')) {
        await row.getByRole('button', { name: 'End…' }).click();
        await page
          .getByRole('dialog', { name: new RegExp(`^End .* \\(PID ${target.pid}\\)\\?$`) })
          .getByRole('button', { name: 'End process' })
          .click();
        await page.getByText(`done for`).waitFor();
        const exit = await new Promise<string | number | null>((resolve) =>
          target.exitCode !== null || target.signalCode
            ? resolve(target.signalCode ?? target.exitCode)
            : target.once('exit', (code, signal) => resolve(signal ?? code)),
        );
        expect(exit).toBe('SIGTERM');
        expect(canary.exitCode).toBeNull();
        expect(canary.signalCode).toBeNull();
      } else {
        await page.getByText('Process actions (priority, end, kill) is not available on this engine.').waitFor();
        expect(await page.getByRole('button', { name: 'End…' }).count()).toBe(0);
      }
      await screenshot(page, 'processes');
      expect(errors).toEqual([]);
    }, 60_000);

    it('Hardware: with GET /hardware/health, the real report and a working CPU test; without, a plain message', async () => {
      const { page, errors } = await freshPage();
      await openPage(page, engine.baseUrl, 'hardware', 'Hardware');
      if (served.has('GET /api/v1/hardware/health')) {
        await page.getByText('Overall').waitFor({ timeout: 45_000 });
        expect(['healthy', 'warning', 'critical', 'unknown']).toContain(await page.locator('.toolbar .pill').first().innerText());
        for (const title of ['CPU', 'Memory', 'Storage devices']) await page.getByRole('heading', { name: title }).waitFor();
        await page.getByRole('button', { name: 'Test CPU' }).click();
        await page.locator('button:has-text("Test CPU"):not([disabled])').waitFor({ timeout: 45_000 });
        expect(await page.locator('.notice-warn').count()).toBe(0);
      } else {
        await page.getByText('Hardware health is not available on this engine.').waitFor();
      }
      await screenshot(page, 'hardware');
      expect(errors).toEqual([]);
    }, 120_000);

    it('Storage: with the cleanup routes, categories and a read-only scan preview; with GET /storage/large, a file it was shown', async () => {
      // Inside the test's sandboxed home: the finder walks only the home (and SENTRACORE_LARGE_FILES_ROOTS).
      const folder = mkdtempSync(join(sandboxHome(), 'sentracore-console-large-'));
      writeFileSync(join(folder, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 1));
      try {
        const { page, errors } = await freshPage();
        await openPage(page, engine.baseUrl, 'storage', 'Storage');
        await page.locator('tr[data-folder="history"]').waitFor();
        if (served.has('GET /api/v1/cleanup/categories')) {
          // Scans measure only, and this engine's table is the sandbox's empty one (test/setup/cleanup-sandbox.ts):
          // nothing of this machine's folders is walked, and nothing is ever applied.
          await page.getByRole('button', { name: 'Scan' }).click();
          await page.getByText(/Reclaimable .* in 0 files/).waitFor({ timeout: 60_000 });
        } else {
          await page.getByText('Cleanup is not available on this engine.').waitFor();
        }
        if (served.has('GET /api/v1/storage/large')) {
          await page.getByLabel("Folder on the engine's machine").fill(folder);
          await page.getByLabel('At least (MB)').fill('1');
          await page.getByRole('button', { name: 'Find' }).click();
          await page.getByText(join(folder, 'big.bin')).waitFor({ timeout: 30_000 });
        } else {
          await page.getByText('The large-file finder is not available on this engine.').waitFor();
        }
        await screenshot(page, 'storage-extras');
        expect(errors).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
