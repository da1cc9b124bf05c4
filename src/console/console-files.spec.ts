import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { assetFile, renderIndex } from './console-files.js';

describe('assetFile', () => {
  const root = join('/srv', 'console');

  it.each([
    ['console-ABCDEFGH.js', 'text/javascript; charset=utf-8'],
    ['console-ABCDEFGH.css', 'text/css; charset=utf-8'],
    ['icon-0123ABCD.svg', 'image/svg+xml'],
    ['chunk-ABCDEFGH.js.map', 'application/json; charset=utf-8'],
  ])('serves %s as %s from assets/', (name, type) => {
    expect(assetFile(root, name)).toEqual({ path: join(root, 'assets', name), contentType: type });
  });

  it.each(['../index.html', '..', '.env', 'a/b.js', 'a\\b.js', '', 'x.html', 'x.exe', 'x..js', '%2e%2e.js', 'x.js\0.css'])('refuses %j', (name) => {
    expect(assetFile(root, name)).toBeNull();
  });
});

describe('renderIndex', () => {
  const page = '<head><meta name="sentracore-api-base" content="" /><title>t</title></head>';

  it('writes the API base path into its meta tag', () => {
    expect(renderIndex(page, '/engine')).toBe('<head><meta name="sentracore-api-base" content="/engine"><title>t</title></head>');
  });

  it('escapes what it writes, so a base path cannot end the attribute', () => {
    expect(renderIndex(page, '/a"><script>x</script>')).toContain('content="/a&quot;>&lt;script>x&lt;/script>"');
  });
});
