import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CSP } from '../src/console/console-files.js';
import { CONSOLE_BUILD_DIR, mountConsole } from '../src/console/mount-console.js';
import { engineEnv, freePort, requireDist, run } from './helpers/child-process.js';
import { createStandaloneApp, send } from './helpers/standalone-app.js';

// The console as the server sends it: the built page and its files, the security headers on every
// console answer, the same Host rule as the API, files read from disk per request, and a mount path.

const STRICT =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// XML namespace names are identifiers inside Preact and uPlot, never fetched.
const NAMESPACES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
]);

describe('web console served by the engine (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;
  let page: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-console-http-'));
    app = await createStandaloneApp(join(root, 'datastore'), { beforeListen: (a) => mountConsole(a) });
    page = (await send(app, { url: '/' })).body;
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('GET / answers the built page with a strict CSP, no caching, and no inline script or style', async () => {
    const reply = await send(app, { url: '/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(STRICT);
    expect(CONSOLE_CSP).toBe(STRICT);
    expect(reply.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="assets\//);
      expect(body.trim()).toBe('');
    }
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(page).toContain('<meta name="sentracore-api-base" content="">');
  });

  it('serves every file the page references, with its type, long caching and the same headers', async () => {
    const refs = [...page.matchAll(/(?:href|src)="(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((r) => r.endsWith('.js')).length).toBeGreaterThanOrEqual(1);
    expect(refs.some((r) => r.endsWith('.css'))).toBe(true);
    for (const ref of refs) {
      const reply = await send(app, { url: `/${ref}` });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-security-policy']).toBe(STRICT);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(reply.headers['content-type']).toMatch(ref.endsWith('.js') ? /^text\/javascript/ : ref.endsWith('.css') ? /^text\/css/ : /^image\/svg\+xml/);
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
    }
  });

  it('works offline: no file of the build loads anything from another origin', () => {
    const assets = join(CONSOLE_BUILD_DIR, 'assets');
    for (const name of ['../index.html', ...readdirSync(assets).filter((n) => !n.endsWith('.map'))]) {
      const text = readFileSync(join(assets, name), 'utf8');
      const urls = [...text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)].map((m) => m[0].replace(/^\/\//, 'http://'));
      expect({ name, urls: urls.filter((u) => !NAMESPACES.has(u)) }).toEqual({ name, urls: [] });
      expect(text).not.toMatch(/@import\s+url\(|fonts\.googleapis|cdn\./i);
    }
  });

  it.each([
    '/assets/..%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/.hidden.js',
    '/assets/console.exe',
    '/assets/missing-ABCDEFGH.js',
    '/assets/',
  ])('%s answers 404 with the console headers', async (url) => {
    const reply = await send(app, { url });
    expect(reply.statusCode).toBe(404);
    if (url !== '/assets/') expect(reply.headers['content-security-policy']).toBe(STRICT);
    expect(reply.body).not.toContain('"name"'); // never a file from outside the build
  });

  it('applies the API’s Host rule: a rebound DNS name gets 421', async () => {
    const reply = await send(app, { url: '/', headers: { host: 'attacker.example:8740' } });
    expect(reply.statusCode).toBe(421);
  });

  it('reads its files from disk when asked, not at mount: a build written after start is served', async () => {
    const later = join(root, 'later-build');
    const host = await createStandaloneApp(join(root, 'datastore-later'), {
      beforeListen: (a) => mountConsole(a, { path: '/sentracore', apiBasePath: '/engine', root: later }),
    });
    try {
      const missing = await send(host, { url: '/sentracore/' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().message).toContain('the console is not built');
      mkdirSync(join(later, 'assets'), { recursive: true });
      writeFileSync(join(later, 'index.html'), '<html><head><meta name="sentracore-api-base" content="" /></head></html>');
      writeFileSync(join(later, 'assets', 'app-ABCDEFGH.js'), 'export {};');
      const served = await send(host, { url: '/sentracore/' });
      expect(served.statusCode).toBe(200);
      expect(served.body).toContain('<meta name="sentracore-api-base" content="/engine">');
      expect((await send(host, { url: '/sentracore/assets/app-ABCDEFGH.js' })).body).toBe('export {};');
      const bare = await send(host, { url: '/sentracore' });
      expect(bare.statusCode).toBe(308);
      expect(bare.headers.location).toBe('/sentracore/');
      expect((await send(host, { url: '/' })).statusCode).toBe(404); // mounted at its path only
    } finally {
      await host.close();
    }
  });

  it('the standalone server (`npm start`, dist/bundle/main.mjs) serves it at /', async () => {
    const port = await freePort();
    const engine = run([requireDist('bundle/main.mjs')], engineEnv(join(root, 'standalone'), port));
    try {
      let reply: Response | null = null;
      for (const deadline = Date.now() + 30_000; !reply?.ok && Date.now() < deadline;) {
        reply = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
        if (!reply) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reply?.status).toBe(200);
      expect(reply?.headers.get('content-security-policy')).toBe(STRICT);
      expect(await reply?.text()).toContain('<title>SentraCore console</title>');
    } finally {
      engine.child.kill('SIGTERM');
      await engine.exited;
    }
  }, 60_000);
});
