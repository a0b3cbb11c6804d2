// The shape of the core's source, checked: no import cycles (type-only imports count too), and
// only zod/mini, the tree-shakable build, reaches the browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g;

/** Each file's imports: relative ones as files, and package names. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = match[1]!;
    if (target.startsWith('.')) local.push(resolve(dirname(file), target.replace(/\.js$/, '.ts')));
    else packages.push(target);
  }
  return { local, packages };
}

describe('core layout', () => {
  const files = sourceFiles(src);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('has no import cycle, type-only imports included', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        const loop = trail.slice(trail.indexOf(file)).concat(file);
        cycles.push(loop.map((step) => relative(src, step)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file)?.local ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('imports only files that exist', () => {
    const missing = [...graph].flatMap(([file, { local }]) =>
      local
        .filter((target) => !graph.has(target))
        .map((target) => `${relative(src, file)} -> ${target}`),
    );
    assert.deepEqual(missing, []);
  });

  it('uses zod only through zod/mini (and zod/v4/core types)', () => {
    const full = [...graph]
      .filter(([, { packages }]) => packages.some((name) => name === 'zod' || name === 'zod/v4'))
      .map(([file]) => relative(src, file));
    assert.deepEqual(full, []);
  });
});
