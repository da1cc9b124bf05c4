import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './helpers/child-process.js';

// A clone on a user's machine has nothing beside it: no tracked file may reach outside the repository
// (tests, benches, scripts, docs, CI). This file holds examples of what is caught, so it skips itself.
const SELF = 'test/self-contained.e2e-spec.ts';
// Spelled in parts, so that this guard is not itself a tracked file naming the sibling folder.
const SIBLING = ['..', 'shared'].join('/');
const SIBLING_JOIN = /['"]\.\.['"]\s*,\s*['"]shared['"]/;
// `join(<repo root>, '..', …)`: the repository root's parent.
const ROOT_PARENT = /join\(\s*(?:REPO_ROOT|REPO|repo)\s*,\s*['"]\.\.['"]/;
// `join(<this file's folder>, '..', '..', …)` and `new URL('../../…', import.meta.url)`: resolved from the file.
const DIR_JOIN = /join\(\s*(?:import\.meta\.dirname|here|__dirname|dirname\(fileURLToPath\(import\.meta\.url\)\))\s*((?:,\s*['"]\.\.['"]\s*)+)/g;
// Relative paths where they are used as paths: markdown links, imports, URLs, joins and reads
// (hostile inputs such as '../../etc/passwd' in security tests are data, not references).
const RELATIVE = /(?:\]\(|from\s+['"]|import\(\s*['"]|URL\(\s*['"`]|(?:join|resolve|readFileSync|readFile|cpSync|copyFileSync)\(\s*['"`])((?:\.\.\/)+)[\w.-]/g;
const MACHINE_PATH = /['"`(\s]\/work\//;
const BINARY = /\.(gz|png|jpg|ico|woff2?)$/;

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\0').filter((file) => file && file !== 'package-lock.json' && file !== SELF && !BINARY.test(file));
}

const outside = (from: string, ups: number): boolean => {
  const target = resolve(REPO_ROOT, from, ...Array<string>(ups).fill('..'));
  const rel = relative(REPO_ROOT, target);
  return rel.startsWith('..') || isAbsolute(rel);
};

/** The problems in one file's text, as `line: reason`. */
export function outsideReferences(file: string, text: string): string[] {
  const problems: string[] = [];
  const folder = dirname(file);
  text.split('\n').forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    if (line.includes(SIBLING) || SIBLING_JOIN.test(line)) problems.push(`${at}: refers to the sibling shared folder`);
    if (ROOT_PARENT.test(line)) problems.push(`${at}: joins the repository root with '..'`);
    if (MACHINE_PATH.test(line)) problems.push(`${at}: an absolute path of this machine`);
    for (const match of line.matchAll(DIR_JOIN)) {
      const ups = (match[1].match(/\.\./g) ?? []).length;
      if (outside(folder, ups)) problems.push(`${at}: climbs ${ups} folders above ${folder || '.'}`);
    }
    for (const match of line.matchAll(RELATIVE)) {
      const ups = match[1].length / 3;
      if (outside(folder, ups)) problems.push(`${at}: a relative path above the repository`);
    }
  });
  return problems;
}

describe('the repository stands alone', () => {
  it('no tracked file refers to a path outside the repository', () => {
    const problems = trackedFiles().flatMap((file) => outsideReferences(file, readFileSync(join(REPO_ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it.each([
    ['a sibling folder by relative path', 'test/a.ts', `const f = '${SIBLING}/fixtures/x.json';`],
    ['a sibling folder by join', 'test/a.ts', "join(REPO_ROOT, '..', 'shared')"],
    ['a climb above the root from a nested file', 'src/x/a.spec.ts', "new URL('../../../other/file.json', import.meta.url)"],
    ['a dirname climb', 'test/helpers/a.ts', "join(import.meta.dirname, '..', '..', '..', 'x')"],
    ['a markdown link above the root', 'docs/a.md', '[spec](../../SPEC.md)'],
  ])('catches %s', (_name, file, text) => {
    expect(outsideReferences(file, text)).not.toEqual([]);
  });

  it.each([
    ['a path inside the repository', 'src/x/y/a.spec.ts', "new URL('../../../test/fixtures/a.json', import.meta.url)"],
    ['a dirname join that stays inside', 'test/helpers/a.ts', "join(import.meta.dirname, '..', '..', 'bench')"],
    ['a markdown link to a sibling doc', 'docs/format/a.md', '[lifecycle](../lifecycle.md)'],
  ])('accepts %s', (_name, file, text) => {
    expect(outsideReferences(file, text)).toEqual([]);
  });
});
