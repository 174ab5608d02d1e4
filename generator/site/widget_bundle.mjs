// Bundles the scoring widget's modules into the body of one classic script, with esbuild.
// Run by generator/site/bundle.py (which says why, and wraps the result):
//
//   node widget_bundle.mjs WIDGET_DIR OUT_DIR OTHER_ENTRY...
//
// It writes OUT_DIR/widget.js, and OUT_DIR/modules.json: the modules that only the bundle uses,
// which a site then need not serve. The others are those the OTHER_ENTRY files (the modules every
// page loads, the workers) import, statically or not, as esbuild follows them.
//
// The two modules whose values come from each build are not bundled: engine-assets.mjs (which a
// build also writes as a module, for the engine's worker) and engine-contract.mjs (which exists
// only here). What they export is read from `__ogData`, which the wrapper defines. So this output
// depends on the widget's sources only, and is made once for them.
// `import.meta.url`, which a classic script has not, is the script's own URL (`__ogScript`): the
// bundle is served beside the modules, so every URL made from it is the one a module made.

import { writeFileSync } from "node:fs";
import { build, version } from "esbuild";

// Part of the bundle's key (bundle.py hashes this file): another esbuild may emit other bytes.
const ESBUILD = "0.28.2";
const PAGE_DATA = /^\.\/engine-(assets|contract)\.mjs$/;

const [widgetDir, outDir, ...otherEntries] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node widget_bundle.mjs WIDGET_DIR OUT_DIR OTHER_ENTRY...");
  process.exit(2);
}
if (version !== ESBUILD) {
  console.error(`esbuild ${ESBUILD} is needed, and ${version} is installed: run \`npm ci\``);
  process.exit(1);
}

const pageData = {
  name: "page-data",
  setup(bundler) {
    bundler.onResolve({ filter: PAGE_DATA }, ({ path }) => ({ path: PAGE_DATA.exec(path)[1], namespace: "page-data" }));
    // CommonJS, so that both `import * as manifest` and `import { CONTRACT }` read the object's keys.
    bundler.onLoad({ filter: /.*/, namespace: "page-data" }, ({ path }) => ({ contents: `module.exports = __ogData.${path};`, loader: "js" }));
  },
};

const bundle = {
  absWorkingDir: widgetDir, // so that esbuild's messages name the module as the editor sees it
  entryPoints: ["./score-page.mjs"],
  outfile: `${outDir}/widget.js`,
  bundle: true,
  format: "iife",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  define: { "import.meta.url": "__ogScript" },
  plugins: [pageData],
  logLevel: "error", // esbuild prints each error with its file, line and column
  color: false,
  metafile: true,
};

// Only read, to learn what the other entries import: the build's own modules stay outside.
const others = {
  absWorkingDir: widgetDir,
  entryPoints: otherEntries.map((name) => `./${name}`),
  outdir: outDir,
  bundle: true,
  write: false,
  format: "esm",
  external: ["./engine-assets.mjs", "./engine-contract.mjs"],
  logLevel: "error",
  color: false,
  metafile: true,
};

const names = (result) => new Set(Object.keys(result.metafile.inputs).map((path) => path.replace(/^\.\//, "")));
try {
  const [bundled, shared] = (await Promise.all([build(bundle), build(others)])).map(names);
  const bundledOnly = [...bundled].filter((name) => !shared.has(name) && !name.startsWith("page-data:")).sort();
  writeFileSync(`${outDir}/modules.json`, `${JSON.stringify({ bundled_only: bundledOnly }, null, 1)}\n`);
} catch {
  process.exit(1); // already said, by esbuild; a Node stack trace would add nothing
}
