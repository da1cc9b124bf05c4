import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import embeddedStatic, { EMBEDDED_SWAGGER_UI, embeddedSwaggerFile } from './embedded-static.js';

const FILES: Record<string, string> = {
  [`${EMBEDDED_SWAGGER_UI}/swagger-ui.css`]: 'body{}',
  [`${EMBEDDED_SWAGGER_UI}/swagger-ui-bundle.js`]: 'var ui;',
  [`${EMBEDDED_SWAGGER_UI}/notes.txt`]: 'not a served kind',
};
const read = (key: string) => (key in FILES ? Buffer.from(FILES[key]) : undefined);

describe('embeddedSwaggerFile', () => {
  it('finds an embedded file by its plain name, with its content type', () => {
    expect(embeddedSwaggerFile('swagger-ui.css', read)).toEqual({ bytes: Buffer.from('body{}'), contentType: 'text/css; charset=utf-8' });
  });

  it.each(['../package.json', '..', '.env', 'a/b.js', 'notes.txt', 'missing.js', ''])('serves nothing for %j', (name) => {
    expect(embeddedSwaggerFile(name, read)).toBeNull();
  });

  it('serves nothing outside the executable (no embedded files at all)', () => {
    expect(embeddedSwaggerFile('swagger-ui.css')).toBeNull();
  });
});

describe('embeddedStatic, registered the way SwaggerModule registers @fastify/static', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  // A real listening server: Fastify's inject() needs an ES module jest cannot load on Node 20.
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), length: response.headers.get('content-length'), body: await response.text() };
  };

  it('serves the embedded files under the prefix and 404s the rest', async () => {
    app = Fastify();
    await app.register(embeddedStatic, { prefix: '/docs', read });
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await get('/docs/swagger-ui.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8', length: '6', body: 'body{}' });
    expect(await get('/docs/swagger-ui-bundle.js')).toMatchObject({ status: 200, type: 'application/javascript; charset=utf-8', body: 'var ui;' });
    for (const path of ['/docs/notes.txt', '/docs/..%2Fpackage.json', '/docs/missing.js', '/swagger-ui.css']) expect((await get(path)).status).toBe(404);
  });
});
