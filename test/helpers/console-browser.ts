import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mountConsole } from '../../src/console/mount-console.js';
import { configureHttp } from '../../src/http/configure-http.js';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { mountSwagger } from '../../src/openapi/swagger.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';
import { demoScript, ScriptedTelemetrySource, type ScriptedStep } from '../../src/telemetry/scripted.source.js';
import { TELEMETRY_SOURCE } from '../../src/telemetry/telemetry-source.js';
import { REPO_ROOT } from './child-process.js';
import { sandboxCleanup } from './cleanup-sandbox.js';

export const CHROMIUM = '/usr/bin/chromium';
// As this machine's notes require: no sandbox as root, and no background traffic to a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'console');

export interface ConsoleEngineOptions {
  port?: number;
  apiToken?: string;
  collectionIntervalSec?: number;
  script?: (cycle: number) => ScriptedStep;
}

/**
 * The engine as the standalone server wires it for a browser (Host/Origin/CORS policy, /openapi.json,
 * the console at /), sampling on a scripted source in real time, on 127.0.0.1. Runs in-process so a
 * test can script what the telemetry reports (e.g. a child process it spawned).
 */
export async function startConsoleEngine(
  dataDir: string,
  options: ConsoleEngineOptions = {},
): Promise<{ app: NestFastifyApplication; baseUrl: string; port: number }> {
  const interval = options.collectionIntervalSec ?? 0.5;
  const moduleRef = await Test.createTestingModule({
    imports: [
      ScheduleModule.forRoot(),
      SentraCoreModule.forRoot({
        cleanup: sandboxCleanup(),
        dataDir,
        sampling: { enabled: true, collectionIntervalSec: interval },
        history: { sampleIntervalSec: interval, retentionDays: 31 },
        telemetry: { source: 'scripted' },
        apiToken: options.apiToken,
      }),
    ],
  })
    .overrideProvider(TELEMETRY_SOURCE)
    .useValue(new ScriptedTelemetrySource(options.script ?? demoScript))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  configureHttp(app, { bindHost: '127.0.0.1', allowedHosts: [], corsOrigins: [] });
  mountSwagger(app, undefined, { ui: false });
  mountConsole(app);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}`, port };
}

export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error('chromium is not installed: run `apt-get update && apt-get install -y chromium` (.ci/run does this)');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Everything a page logs as an error, and every uncaught exception in it. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens a console page and waits until its heading is shown. */
export async function openPage(page: Page, baseUrl: string, id: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/#/${id}`);
  await page.locator('main h1', { hasText: title }).waitFor();
}
