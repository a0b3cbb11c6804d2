// The public entries of each package, read from the "source" condition of its exports map,
// so that package.json stays the one list of what is public.
import { readFileSync } from 'node:fs';

export const packages = ['core', 'elements'];

/** `{ name: 'src/x.ts' }` for each export of `packages/<pkg>` that has a source file. */
export function sourceEntries(pkg) {
  const manifest = JSON.parse(
    readFileSync(new URL(`../packages/${pkg}/package.json`, import.meta.url), 'utf8'),
  );
  const entries = {};
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target !== 'object' || !target.source) continue;
    const name = target.source.replace(/^\.\/src\//, '').replace(/\.ts$/, '');
    entries[subpath === '.' ? 'index' : name] = `packages/${pkg}/${target.source.slice(2)}`;
  }
  return entries;
}

/** The runtime dependencies of a package: left out of its ESM build. */
export function dependencies(pkg) {
  const manifest = JSON.parse(
    readFileSync(new URL(`../packages/${pkg}/package.json`, import.meta.url), 'utf8'),
  );
  return Object.keys(manifest.dependencies ?? {});
}
