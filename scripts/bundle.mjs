// Bundles the CLI into dist/portfolio-quality.mjs: one file loads in about half the time of
// the ~400 modules it is made of, and start-up is most of a small scan's run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/bin.ts"],
  outfile: "dist/portfolio-quality.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  // CommonJS dependencies (the Babel parser, dockerfile-ast) call require() inside an ES module.
  banner: {
    js: 'import { createRequire as __pqRequire } from "node:module"; const require = __pqRequire(import.meta.url);',
  },
});
