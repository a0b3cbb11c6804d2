import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplates from './scripts/minify-templates.mjs';
import { dependencies, packages, sourceEntries } from './scripts/entries.mjs';

/**
 * Warnings about code in node_modules (zod's comments that rollup cannot place, its import
 * cycle) are not ours to fix and would bury the build's own; every other warning shows.
 */
const onwarn = (warning, warn) => {
  const where = [warning.id, ...(warning.ids ?? [])].filter(Boolean);
  if (where.length > 0 && where.every((id) => id.includes('/node_modules/'))) return;
  warn(warning);
};

const typescript = (pkg) =>
  esbuild({ target: 'es2022', tsconfig: `packages/${pkg}/tsconfig.json` });

/** `lit` and `lit/decorators.js` are both external when `lit` is a dependency. */
const externalTo = (pkg) => {
  const deps = dependencies(pkg);
  return (id) => deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
};

/** One ESM build per package, module for module, so that subpaths and tree-shaking work. */
const esm = packages.map((pkg) => ({
  input: sourceEntries(pkg),
  onwarn,
  external: externalTo(pkg),
  plugins: [nodeResolve({ exportConditions: ['source'] }), typescript(pkg), minifyTemplates()],
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
    sourcemap: true,
  },
}));

/** The CDN file: every component, with Lit and the core inside, minified. */
const cdn = {
  input: 'packages/elements/src/index.ts',
  onwarn,
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
    typescript('elements'),
    minifyTemplates(),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
  output: {
    file: 'packages/elements/dist/lanewise.min.js',
    format: 'es',
    sourcemap: true,
    // The virtualizer loads its layout on demand; one file has it inside.
    inlineDynamicImports: true,
  },
};

/**
 * The core in one file, zod and the time-zone code inside, for a page without a build step:
 * `import { createVolunteerProgram } from './lanewise-core.min.js'` needs no import map.
 */
const coreFile = {
  input: 'packages/core/src/index.ts',
  onwarn,
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
    typescript('core'),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
  output: { file: 'packages/core/dist/lanewise-core.min.js', format: 'es', sourcemap: true },
};

export default [...esm, cdn, coreFile];
