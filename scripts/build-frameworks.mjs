// `npm run frameworks`: builds examples/frameworks/react and examples/frameworks/vue with Vite,
// each into its own dist/, from the packages' built ESM (run `npm run build` or rollup first).
import { build } from 'vite';

for (const name of ['react', 'vue']) {
  await build({
    configFile: new URL(`../examples/frameworks/${name}/vite.config.js`, import.meta.url).pathname,
    logLevel: 'warn',
  });
  console.log(`built examples/frameworks/${name}/dist`);
}
