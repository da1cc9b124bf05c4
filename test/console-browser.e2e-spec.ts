import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoScript } from '../src/telemetry/scripted.source.js';
import { collectErrors, launchChromium, openPage, screenshot, SCREENSHOTS, startConsoleEngine } from './helpers/console-browser.js';
import { ARCHIVE_SCRIPT } from './helpers/fixtures.js';
import { eventually as poll } from './helpers/listening-app.js';

// The web console in a real browser (Debian's chromium via playwright-core) against the engine with a
// scripted source, sampling every 0.5 s on top of a 30-day archive. Every page is loaded, checked for
// live data and for console errors, and photographed into test-artifacts/console/.

const NUMBER = /^\d+\.\d$/;
// CPU held at 97 % for a while: the alert rule (5 cycles above 85 %) fires once, with a root cause.
const script = (cycle: number) => (cycle >= 4 && cycle < 40 ? { ...demoScript(cycle), cpu: { percent: 97 } } : demoScript(cycle));

describe('web console in Chromium (e2e)', () => {
  let root: string;
  let dataDir: string;
  let engine: { app: NestFastifyApplication; baseUrl: string; port: number };
  let browser: Browser;
  let context: BrowserContext;
  const metrics: Record<string, number> = {};

  async function freshPage(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const page = await context.newPage();
    return { page, errors: collectErrors(page) };
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-console-'));
    dataDir = join(root, 'datastore');
    execFileSync(process.execPath, [ARCHIVE_SCRIPT, '--dir', join(dataDir, 'history'), '--days', '30', '--end', String(Math.floor(Date.now() / 1000) - 60)]);
    engine = await startConsoleEngine(dataDir, { script });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    writeFileSync(join(SCREENSHOTS, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    await browser?.close();
    await engine?.app.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('Overview: live cards show numbers, the latest alert its root cause, the timeline and top processes', async () => {
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'overview', 'Overview');
    for (const metric of ['stress', 'stability', 'anomaly', 'risk', 'cpu-pressure', 'memory-pressure', 'disk-pressure']) {
      await expect(page.locator(`[data-metric="${metric}"]`).innerText()).resolves.toMatch(NUMBER);
    }
    await page.locator('#latest-alert + .alert').getByText('Root cause', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.locator('#latest-alert + .alert').innerText()).toMatch(/CPU pressure.*Bottleneck\s+cpu/s);
    await page.locator('#timeline ~ table tbody tr').first().waitFor();
    expect(await page.locator('table.processes tbody tr').count()).toBeGreaterThanOrEqual(3);
    // The stream keeps the cards moving: the cycle count advances without a reload.
    const cycles = async () => Number((await page.locator('.engine-line').innerText()).match(/([\d,]+) cycles/)![1].replace(/,/g, ''));
    const before = await cycles();
    await poll('the cycle count to advance', async () => (await cycles()) > before);
    await screenshot(page, 'overview');
    expect(errors).toEqual([]);

    // First paint of a fresh load, and the moment the cards first hold live numbers.
    const { page: cold } = await freshPage();
    await openPage(cold, engine.baseUrl, 'overview', 'Overview');
    await cold.locator('[data-metric="stress"]').waitFor();
    const timing = await cold.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      data: performance.getEntriesByName('overview-data')[0]?.startTime ?? -1,
    }));
    metrics.overview_first_contentful_paint_ms = Math.round(timing.fcp);
    metrics.overview_cards_with_data_ms = Math.round(timing.data);
    expect(timing.fcp).toBeGreaterThan(0);
  }, 60_000);

  it('History: charts draw 24 h, then 30 days in well under 500 ms; zoom loads finer buckets; agg and CSV export work', async () => {
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'history', 'History');
    await page.locator('.charts[data-range="24h"][data-loaded="yes"]').waitFor();
    await page.getByRole('button', { name: '30 d' }).click();
    await page.locator('.charts[data-range="30d"][data-loaded="yes"]').waitFor();
    await page.locator('#chart-resources[data-measure="history-draw-30d-resources"]').waitFor();
    // Evaluated in the page (whose DOM types this Node project does not load): the measures, and how
    // many pixels of the chart's canvas were painted.
    const measure = (name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? -1, name);
    const painted = await page
      .locator('#chart-resources canvas')
      .first()
      .evaluate((canvas: { width: number; height: number; getContext(kind: '2d'): any }) => {
        const pixels: Uint8ClampedArray = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
        return count;
      });
    const drawn = {
      draw: await measure('history-draw-30d-resources'),
      total: await measure('history-draw-30d-resources-total'),
      points: Number(await page.locator('#chart-resources').getAttribute('data-points')),
      painted,
    };
    metrics.history_30d_draw_ms = Math.round(drawn.draw * 10) / 10;
    metrics.history_30d_request_to_drawn_ms = Math.round(drawn.total);
    metrics.history_30d_points = drawn.points;
    expect(drawn.points).toBeGreaterThan(500);
    expect(drawn.points).toBeLessThanOrEqual(1280);
    expect(drawn.painted).toBeGreaterThan(5000);
    expect(drawn.draw).toBeLessThan(500);
    await screenshot(page, 'history-30d');

    // Zoom: drag across the middle of the chart; the page asks for that window with finer buckets.
    const summary = () => page.getByTestId('history-summary').innerText();
    const coarse = await summary();
    const box = (await page.locator('#chart-resources .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.locator('.charts[data-range="zoom"][data-loaded="yes"]').waitFor();
    expect(await summary()).not.toEqual(coarse);
    await page.getByLabel('Buckets').selectOption('max');
    await page.locator('.charts[data-loaded="no"]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await page.locator('.charts[data-range="30d"][data-loaded="yes"]').waitFor();

    // Export the last 24 h (a 30-day export takes the engine about 10 s here).
    await page.getByRole('button', { name: '24 h' }).click();
    await page.locator('.charts[data-range="24h"][data-loaded="yes"]').waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText(/Wrote [\d,]+ samples/).waitFor();
    const reports = readdirSync(join(dataDir, 'reports')).filter((name) => name.endsWith('.csv'));
    expect(reports).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'reports', reports[0]), 'utf8').split('\n').length).toBeGreaterThan(2_800);
    expect(errors).toEqual([]);
  }, 90_000);

  it('Alerts & events: the alert with its root cause, and an event log that filters', async () => {
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'alerts', 'Alerts & events');
    await page.locator('.alert-list .alert').first().waitFor();
    expect(await page.locator('.alert-list .alert').first().innerText()).toMatch(/Root cause[\s\S]*Confidence/);
    await page.locator('table.events tbody tr').first().waitFor();
    await page.getByLabel('Severity').selectOption('critical');
    // Counter and rows read in one task of the page: a live event arriving between two reads cannot split them.
    const { counter, rows } = await page.locator('main').evaluate((main: any) => ({
      counter: String([...main.querySelectorAll('span[aria-live]')].find((el: any) => /^\d+ of \d+ events$/.test(el.textContent))?.textContent ?? ''),
      rows: Number(main.querySelectorAll('table.events tbody tr').length),
    }));
    const [shown, all] = counter.match(/\d+/g)!.map(Number);
    expect(shown).toBeLessThanOrEqual(all);
    expect(rows).toBe(shown);
    await page.getByLabel('Severity').selectOption('');
    await screenshot(page, 'alerts');
    expect(errors).toEqual([]);
  }, 60_000);

  it('Storage: usage per folder; "Clear cache" names what it deletes, Cancel keeps it, Confirm empties cache/ on disk', async () => {
    const cache = join(dataDir, 'cache');
    mkdirSync(join(cache, 'thumbnails'), { recursive: true });
    writeFileSync(join(cache, 'derived.bin'), Buffer.alloc(2048, 1));
    writeFileSync(join(cache, 'thumbnails', 'a.bin'), Buffer.alloc(1024, 1));
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'storage', 'Storage');
    await poll('cache/ to show 3.00 KiB', async () => (await page.locator('tr[data-folder="cache"] td.num').innerText()) === '3.00 KiB');
    expect(await page.locator('tr[data-folder="history"] td.num').innerText()).toMatch(/MiB$/);

    await page.getByRole('button', { name: 'Clear cache…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear the cache?' });
    expect(await dialog.innerText()).toContain(`Every file under ${cache} (3.00 KiB)`);
    await screenshot(page, 'storage-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(existsSync(join(cache, 'derived.bin'))).toBe(true);

    await page.getByRole('button', { name: 'Clear cache…' }).click();
    await dialog.getByRole('button', { name: 'Clear cache' }).click();
    await page.getByText('Cache cleared: 2 files, 3.00 KiB freed.').waitFor();
    expect(readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith('.bin'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'history')).length).toBeGreaterThan(25); // nothing else was touched
    await screenshot(page, 'storage');
    expect(errors).toEqual([]);
  }, 60_000);

  it('Settings: saves a threshold to config/user_preferences.json, and shows the API’s validation message beside the field', async () => {
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'settings', 'Settings');
    await page.getByLabel('Alert when CPU pressure reaches (%)').fill('91');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Preferences saved').waitFor();
    const stored = JSON.parse(readFileSync(join(dataDir, 'config', 'user_preferences.json'), 'utf8')) as Record<string, unknown>;
    expect(stored.alert_cpu_percent).toBe(91);

    await page.getByLabel('Processes the safeguard may end (one per line)').fill('x'.repeat(300));
    await page.getByRole('button', { name: 'Save preferences' }).click();
    const fieldError = page.locator('#safeguard_process_names-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/safeguard_process_names must be shorter than or equal to 256 characters/);
    expect(await page.getByLabel('Processes the safeguard may end (one per line)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'settings');
    // A 400 is the API doing its job: the browser logs the refused request, the page itself logs nothing.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 60_000);

  it('keyboard and themes: Tab reaches the navigation, Enter opens a page, focus lands on its heading; dark theme renders', async () => {
    const { page, errors } = await freshPage({ colorScheme: 'dark' });
    await openPage(page, engine.baseUrl, 'overview', 'Overview');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // theme select
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'History'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.locator(':focus').innerText();
    }
    expect(focused).toBe('History');
    await page.keyboard.press('Enter');
    // Waits for the focused heading itself: the navigation, not a fixed delay, decides when it is there.
    await page.locator('main h1:focus', { hasText: 'History' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('body').evaluate((body: any) => body.ownerDocument.defaultView.getComputedStyle(body).backgroundColor)).toBe('rgb(15, 20, 27)');
    await page.locator('.charts[data-loaded="yes"]').waitFor();
    await screenshot(page, 'history-dark');
    await openPage(page, engine.baseUrl, 'overview', 'Overview');
    await page.locator('[data-metric="stress"]').waitFor();
    await screenshot(page, 'overview-dark');
    expect(errors).toEqual([]);
  }, 60_000);

  it('API token: asked for once on the first refused action, kept in sessionStorage only, then sent with every call', async () => {
    const tokenRoot = mkdtempSync(join(tmpdir(), 'sentracore-console-token-'));
    const guarded = await startConsoleEngine(join(tokenRoot, 'datastore'), { apiToken: 'open-sesame' });
    try {
      const { page, errors } = await freshPage();
      await openPage(page, guarded.baseUrl, 'storage', 'Storage');
      await page.locator('tr[data-folder="cache"]').waitFor();
      await page.getByRole('button', { name: 'Clear cache…' }).click();
      await page.getByRole('dialog', { name: 'Clear the cache?' }).getByRole('button', { name: 'Clear cache' }).click();
      const ask = page.getByRole('dialog', { name: 'API token' });
      await ask.getByLabel('Token').fill('open-sesame');
      await screenshot(page, 'token-dialog');
      await ask.getByRole('button', { name: 'Use token' }).click();
      await page.getByText('Cache cleared').waitFor();
      expect(await page.evaluate("({ session: sessionStorage.getItem('sentracore.token'), local: Object.keys(localStorage) })")).toEqual({
        session: 'open-sesame',
        local: [],
      });
      await page.getByRole('button', { name: 'Reset baseline…' }).click();
      await page.getByRole('dialog', { name: 'Reset the learned baseline?' }).getByRole('button', { name: 'Reset baseline' }).click();
      await page.getByText('Baseline reset').waitFor();
      expect(await ask.isVisible()).toBe(false);
      // The one refused request before the token was known is the browser's log line, not the page's.
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      expect(errors.length).toBeLessThanOrEqual(1);
    } finally {
      await guarded.app.close();
      rmSync(tokenRoot, { recursive: true, force: true });
    }
  }, 60_000);

  it('engine restart: the console says the engine is unreachable, then reconnects by itself', async () => {
    const { page, errors } = await freshPage();
    await openPage(page, engine.baseUrl, 'overview', 'Overview');
    await page.locator('[data-connection="live"]').waitFor();
    await engine.app.close();
    await page.locator('[data-connection="down"]').waitFor({ timeout: 15_000 });
    await page.getByRole('alert').getByText('The engine is not answering').waitFor();
    await screenshot(page, 'overview-engine-down');
    engine = await startConsoleEngine(dataDir, { script, port: engine.port });
    await page.locator('[data-connection="live"]').waitFor({ timeout: 20_000 });
    expect(await page.getByText('The engine is not answering').count()).toBe(0);
    await expect(page.locator('[data-metric="stress"]').innerText()).resolves.toMatch(NUMBER);
    // While it was down the browser logged refused connections; nothing else may appear.
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  }, 60_000);
});
