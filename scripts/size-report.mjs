// `node scripts/size-report.mjs [entry ...] [--top N]`: what each core entry is made of.
// Bundles an entry as `npm run size` does (rollup, esbuild, terser), then walks the source map
// of the minified output and counts its bytes per source file, so that the files that cost the
// most show first. The gzip column shares the entry's gzip size out in proportion to the
// minified bytes: gzip cannot be split exactly, but the order is what matters.
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { decode } from '@jridgewell/sourcemap-codec';
import { sourceEntries } from './entries.mjs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const wanted = new Set(args);
const root = new URL('../', import.meta.url).pathname;

const virtual = (modules) => ({
  name: 'virtual',
  resolveId: (id) => (id in modules ? id : null),
  load: (id) => modules[id] ?? null,
});

async function bundle(path) {
  const build = await rollup({
    input: 'entry',
    onwarn: () => {},
    plugins: [
      virtual({ entry: `export * from ${JSON.stringify(`${root}${path}`)};` }),
      nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
      esbuild({ target: 'es2022', tsconfig: 'packages/core/tsconfig.json', sourceMap: true }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  });
  const { output } = await build.generate({ format: 'es', sourcemap: true });
  await build.close();
  return output.filter((chunk) => chunk.type === 'chunk');
}

/** Minified bytes per source file, read from the output's source map. */
function bytesPerSource(chunk) {
  const lines = chunk.code.split('\n');
  const perSource = new Map();
  decode(chunk.map.mappings).forEach((segments, lineIndex) => {
    const lineLength = lines[lineIndex]?.length ?? 0;
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : lineLength;
      const source = segment.length > 1 ? chunk.map.sources[segment[1]] : '(unmapped)';
      perSource.set(source, (perSource.get(source) ?? 0) + end - segment[0]);
    });
  });
  return perSource;
}

const label = (source) => {
  const path = relative(root, source.replace(/^(\.\.\/)+/, '/'));
  return path.replace(/^node_modules\//, '').replace(/^packages\/core\/src\//, 'core/');
};

for (const [name, path] of Object.entries(sourceEntries('core'))) {
  if (wanted.size > 0 && !wanted.has(name) && !wanted.has(name.replace(/\/index$/, ''))) continue;
  const chunks = await bundle(path);
  const text = chunks.map((chunk) => chunk.code).join('');
  const gzip = gzipSync(text, { level: 9 }).length;
  const perSource = new Map();
  for (const chunk of chunks) {
    for (const [source, bytes] of bytesPerSource(chunk)) {
      const key = source === '(unmapped)' ? source : label(source);
      perSource.set(key, (perSource.get(key) ?? 0) + bytes);
    }
  }
  const rows = [...perSource].sort((a, b) => b[1] - a[1]);
  const byPackage = new Map();
  for (const [source, bytes] of rows) {
    const group = source.startsWith('core/')
      ? source.split('/').slice(0, 2).join('/')
      : source.split('/')[0];
    byPackage.set(group, (byPackage.get(group) ?? 0) + bytes);
  }
  const kB = (bytes) => (bytes / 1000).toFixed(2);
  console.log(
    `\n## ${name}: ${kB(text.length)} kB min, ${kB(gzip)} kB min+gzip, ${rows.length} files`,
  );
  console.log('by folder or package (kB min, ~kB gzip):');
  for (const [group, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
    console.log(
      `  ${kB(bytes).padStart(7)}  ${kB((bytes / text.length) * gzip).padStart(6)}  ${group}`,
    );
  }
  console.log(`top ${top} files:`);
  for (const [source, bytes] of rows.slice(0, top)) {
    console.log(
      `  ${kB(bytes).padStart(7)}  ${kB((bytes / text.length) * gzip).padStart(6)}  ${source}`,
    );
  }
}
