// Bundles GraphiQL and the Monaco editor's workers into ../cms/static/cms/graphiql/ (run by
// `make graphiql` after `npm ci`). Licence texts of everything bundled go to *.LEGAL.txt there.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = new URL("../cms/static/cms/graphiql/", import.meta.url).pathname;
const common = {
  bundle: true,
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
};

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { graphiql: "src/graphiql.js" },
  format: "esm",
  outdir,
  loader: { ".ttf": "file" },
  // Stable names: the page refers to them through Django's static files.
  assetNames: "[name]",
});
await build({
  ...common,
  entryPoints: {
    "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
    "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
    "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
  },
  format: "iife",
  outdir,
});
