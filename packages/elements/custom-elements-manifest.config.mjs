// @custom-elements-manifest/analyzer settings: `npm run manifest` writes custom-elements.json.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/fixtures/**'],
  outdir: '.',
  litelement: true,
};
