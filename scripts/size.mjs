// `npm run size`: bundles each public entry with rollup + terser, gzips it, prints a table and
// fails when an entry is over its budget. Component entries are measured over Lit: the size
// of the component and Lit together, less the size of Lit alone.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplates from './minify-templates.mjs';
import { sourceEntries } from './entries.mjs';

const kB = 1000;
const budgets = {
  // The goal is 60 kB for the CDN file with every widget; it carries zod/mini's parser (about
  // 12 kB for the schemas the widgets check with) and the virtualizer (about 9 kB) once, beside
  // Lit and the shared plumbing. Held where it stands, so that it can only shrink.
  cdn: 102.3 * kB,
  // The goal for each widget entry is 15 kB over Lit. A widget that checks its document with a
  // core zod/mini schema carries zod's parser (about 10 kB min+gzip) beside the shared plumbing
  // (about 10 kB, see lw-stat), and a long list the virtualizer (about 9 kB): such entries are
  // held where they stand, so that they can only shrink. In the CDN file they share all three.
  componentOverLit: 15 * kB,
  componentOver: {
    'volunteer-ledger': 40.1 * kB,
    'volunteer-certificate': 23.25 * kB,
    'ratio-721': 27.5 * kB,
    'satisfaction-panel': 29 * kB,
    'points-wallet': 25.2 * kB,
    'redemption-catalog': 27.45 * kB,
    'case-intake': 32.25 * kB,
    'case-board': 44.7 * kB,
  },
  // The goal for every core subpath is 20 kB min+gzip. The entries below are over it and are
  // held where they stand, so that they can only shrink: hours, points and metrics each carry
  // zod/mini's parser (about 7 kB) beside their own rules; cases carries routing and the
  // calendar; the program carries both ledgers. See docs/decisions.md.
  core: 20 * kB,
  // Entries under the goal are held near their measure (+0.25 to +0.5 kB), so that growth shows.
  coreUnder: {
    errors: 3.95 * kB,
    clock: 1.85 * kB,
    journal: 3.25 * kB,
    calendar: 12.69 * kB,
    routing: 19.5 * kB,
  },
  coreOver: {
    // With isHoursSnapshot, the fast check of a whole snapshot that widgets and the server use.
    hours: 24 * kB,
    points: 23.71 * kB,
    metrics: 22.77 * kB,
    // With the restore from a snapshot (about 1 kB); Open311 is its own entry.
    'cases/index': 30.3 * kB,
    // Checks its arguments with the case record's schema and compiles the rule sets it lists
    // services from, so it carries most of the case schemas and the routing compiler.
    'open311/index': 23.4 * kB,
    // With the restore from a snapshot and its checks (about 3 kB).
    'program/index': 39.55 * kB,
  },
  coreSchemas: 6.75 * kB,
  // With the restores of the case book and the program from snapshots (about 1.4 and 3 kB).
  coreRoot: 73.98 * kB,
};

const virtual = (modules) => ({
  name: 'virtual',
  resolveId: (id) => (id in modules ? id : null),
  load: (id) => modules[id] ?? null,
});

/** Minified and gzipped size of everything `code` pulls in. */
async function measure(code, tsconfig) {
  const bundle = await rollup({
    input: 'entry',
    onwarn: () => {},
    plugins: [
      virtual({ entry: code }),
      nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
      esbuild({ target: 'es2022', tsconfig }),
      minifyTemplates(),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const text = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
  return { min: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

const rows = [];
const abs = (path) => new URL(`../${path}`, import.meta.url).pathname;

for (const [name, path] of Object.entries(sourceEntries('core'))) {
  const size = await measure(
    `export * from ${JSON.stringify(abs(path))};`,
    'packages/core/tsconfig.json',
  );
  rows.push({
    entry: `@lanewise/core${name === 'index' ? '' : `/${name.replace(/\/index$/, '')}`}`,
    ...size,
    budget:
      name === 'index'
        ? budgets.coreRoot
        : name === 'schemas/index'
          ? budgets.coreSchemas
          : (budgets.coreOver[name] ??
            budgets.coreOver[name.replace(/\/index$/, '')] ??
            budgets.coreUnder[name.replace(/\/index$/, '')] ??
            budgets.core),
  });
}

// The one-file core for pages without a build step, as rollup wrote it (else as the root
// entry measures it: the same modules, bundled the same way).
const coreFile = abs('packages/core/dist/lanewise-core.min.js');
const coreRootRow = rows.find((row) => row.entry === '@lanewise/core');
if (existsSync(coreFile)) {
  const text = readFileSync(coreFile);
  rows.push({
    entry: 'lanewise-core.min.js (core in one file)',
    min: text.length,
    gzip: gzipSync(text, { level: 9 }).length,
    budget: budgets.coreRoot,
  });
} else if (coreRootRow) {
  rows.push({ ...coreRootRow, entry: 'lanewise-core.min.js (core in one file, not built)' });
}

const elementsTsconfig = 'packages/elements/tsconfig.json';
const lit = await measure(
  `export * from 'lit'; export * from 'lit/decorators.js';`,
  elementsTsconfig,
);
rows.push({ entry: 'lit (baseline, not budgeted)', ...lit, budget: undefined });
for (const [name, path] of Object.entries(sourceEntries('elements'))) {
  if (name === 'index') continue;
  const both = await measure(
    `export * from 'lit'; export * from 'lit/decorators.js'; export * from ${JSON.stringify(abs(path))};`,
    elementsTsconfig,
  );
  rows.push({
    entry: `@lanewise/elements/${name.split('/').pop()}.js (over Lit)`,
    min: both.min - lit.min,
    gzip: both.gzip - lit.gzip,
    budget: budgets.componentOver[name.split('/').pop()] ?? budgets.componentOverLit,
  });
}
const cdn = await measure(
  `export * from ${JSON.stringify(abs('packages/elements/src/index.ts'))};`,
  elementsTsconfig,
);
rows.push({ entry: 'lanewise.min.js (CDN, with Lit)', ...cdn, budget: budgets.cdn });

const fmt = (bytes) => `${(bytes / kB).toFixed(2)} kB`;
const over = rows.filter((row) => row.budget !== undefined && row.gzip > row.budget);
console.table(
  rows.map((row) => ({
    entry: row.entry,
    min: fmt(row.min),
    'min+gzip': fmt(row.gzip),
    budget: row.budget === undefined ? '' : fmt(row.budget),
    ok: row.budget === undefined ? '' : row.gzip <= row.budget ? 'yes' : 'OVER',
  })),
);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((row) => row.entry).join(', ')}`);
  process.exit(1);
}
console.log(
  `All ${rows.filter((row) => row.budget !== undefined).length} budgeted entries within budget.`,
);
