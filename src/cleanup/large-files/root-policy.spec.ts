import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedStart, expandHome } from './root-policy.js';

describe('the finder’s root policy', () => {
  let root: string;
  const input = (path: string, extraRoots: string[] = []) => ({
    path,
    home: join(root, 'home'),
    extraRoots,
    platform: 'linux' as const,
    systemFolders: [join(root, 'home/sys')],
  });
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'sc-policy-')));
    for (const dir of ['home/docs', 'home/sys', 'media', 'elsewhere']) mkdirSync(join(root, dir), { recursive: true });
    symlinkSync(join(root, 'elsewhere'), join(root, 'home/link'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('~ expands to the home', () => {
    expect(expandHome('~', '/h')).toBe('/h');
    expect(expandHome('~/x', '/h')).toBe('/h/x');
    expect(expandHome('~x', '/h')).toBe('~x');
  });

  it('allows the home and extra roots, by real path', async () => {
    expect(await allowedStart(input(join(root, 'home/docs')))).toEqual({ start: join(root, 'home/docs') });
    expect(await allowedStart(input(join(root, 'media'), [join(root, 'media')]))).toEqual({ start: join(root, 'media') });
  });

  it('refuses a folder outside, a symlink leading outside, a system folder, a relative path', async () => {
    expect(await allowedStart(input(join(root, 'media')))).toEqual({ error: expect.stringContaining('is outside the folders the finder may walk') });
    expect(await allowedStart(input(join(root, 'home/link')))).toEqual({ error: expect.stringContaining('is outside') });
    expect(await allowedStart(input(join(root, 'home/sys')))).toEqual({ error: expect.stringContaining('is a system folder') });
    expect(await allowedStart(input('docs'))).toEqual({ error: 'path must be an absolute folder path: "docs"' });
  });
});
