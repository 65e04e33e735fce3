// `cem analyze` runs on the analyzer's own TypeScript 5.4 (a dependency of the analyzer), since
// TypeScript 7 has no JS compiler API. Tag names come from `@tag` in each class's doc block, because the
// classes never register themselves.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/define/**', 'src/define.ts', 'src/wallboard.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
