import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// The allowed arrows between modules (docs/architecture.md). A module is a folder under src/; the
// files at src/'s top level compose the modules into the engine and the server. The rules name only
// the bottom layers, so a new feature module that imports public surfaces passes as it is.
const SRC = join(import.meta.dirname, '.');
/** The bottom layer: shared facts and typed options. They import each other and nothing else of src/. */
const KERNEL = new Set(['common', 'config']);
/** The datastore: above the kernel, below every feature. */
const STORAGE = 'storage';
/** Modules that may import the root files: openapi/write-openapi.ts boots the whole engine to write the document. */
const COMPOSERS = new Set(['openapi']);
const ROOT = '(root)';

type Graph = Map<string, string[]>; // file (relative to src/) → the src/ files it imports

function moduleOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : ROOT;
}

/** A module's public surface: the files at its top level and its dto/; every other subfolder is private. */
function isPublic(file: string): boolean {
  const parts = file.split('/');
  return parts.length === 2 || parts[1] === 'dto';
}

function violations(graph: Graph): string[] {
  const found: string[] = [];
  const arrows = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = moduleOf(file);
    for (const target of imports) {
      const to = moduleOf(target);
      if (from === to) continue;
      if (!arrows.has(from)) arrows.set(from, new Set());
      arrows.get(from)!.add(to);
      const arrow = `${file} → ${target}`;
      if (KERNEL.has(from) && !KERNEL.has(to)) found.push(`${arrow}: ${from}/ is the bottom layer and imports only common/ and config/`);
      else if (from === STORAGE && !KERNEL.has(to)) found.push(`${arrow}: storage/ imports only common/ and config/`);
      else if (to === ROOT && !COMPOSERS.has(from)) found.push(`${arrow}: the root files compose the modules; modules never import them`);
      else if (to !== ROOT && from !== ROOT && !isPublic(target)) found.push(`${arrow}: reach ${to}/ through its top-level files or dto/, not its internals`);
    }
  }
  // Between feature modules the arrows point one way: no module reaches itself through others.
  for (const start of arrows.keys()) {
    if (KERNEL.has(start) || start === ROOT) continue;
    const seen = new Set<string>();
    const stack = [...(arrows.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) found.push(`${start}/ depends on itself through other modules (a module cycle)`);
      if (seen.has(next) || next === start || KERNEL.has(next) || next === ROOT) continue;
      seen.add(next);
      stack.push(...(arrows.get(next) ?? []));
    }
  }
  return [...new Set(found)];
}

/** Every production file of src/ (specs and test fixtures excluded) with the src/ files it imports. */
function sourceGraph(): Graph {
  const graph: Graph = new Map();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.fixture.ts') && !f.endsWith('.d.ts'),
  );
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
    const imports = importedFiles
      .map(({ fileName }) => fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(SRC, resolve(SRC, dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(file, imports);
  }
  return graph;
}

describe('architecture: the arrows between modules', () => {
  const graph = sourceGraph();

  it('finds the modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('engine/engine.module.ts')).toContain('history/history.module.ts');
    expect([...graph.keys()].filter((f) => moduleOf(f) === 'engine').length).toBeGreaterThan(10);
  });

  it('keeps the bottom layers one-way, modules free of cycles, and internals private', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const planted: Graph = new Map([
      ['common/a.ts', ['engine/engine.service.ts']],
      ['storage/b.ts', ['history/history.store.ts']],
      ['metrics/c.ts', ['engine/pipeline/status.ts', 'sentra-core.module.ts']],
      ['live/d.ts', ['metrics/e.ts']],
      ['metrics/e.ts', ['live/d.ts']],
      ['hardware/f.ts', ['engine/engine.types.ts', 'history/dto/g.dto.ts', 'common/h.ts']],
    ]);
    const found = violations(planted);
    expect(found).toEqual([
      'common/a.ts → engine/engine.service.ts: common/ is the bottom layer and imports only common/ and config/',
      'storage/b.ts → history/history.store.ts: storage/ imports only common/ and config/',
      'metrics/c.ts → engine/pipeline/status.ts: reach engine/ through its top-level files or dto/, not its internals',
      'metrics/c.ts → sentra-core.module.ts: the root files compose the modules; modules never import them',
      'metrics/ depends on itself through other modules (a module cycle)',
      'live/ depends on itself through other modules (a module cycle)',
    ]);
  });
});
