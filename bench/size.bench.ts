/**
 * What the runtime costs a consumer's bundle: a module doing
 * `import { createClient, listVoiceClones }` from the runtime entry, bundled
 * and minified with esbuild for the browser, gzipped. Shown next to the same
 * figure for openapi-fetch alone (the floor, since the runtime wraps it).
 * `listVoiceClones` pages by page number, so the bundle holds that page style
 * alone (test/paginate/tree-shaking.test.ts).
 * Sizes are deterministic, so each is measured once (no median needed).
 */
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { stripMessages } from "./strip-messages.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** At most 9,500 bytes gzipped (issue 12). */
const TARGET_BYTES = 9_500;

/** Bundles `contents` (resolved from the project root) and returns its minified, gzipped size in bytes. */
async function gzippedBundleBytes(contents: string, plugins: Plugin[] = []): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: "consumer.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output");
  return gzipSync(output.contents, { level: 9 }).length;
}

export default async function sizeBench(): Promise<BenchResult[]> {
  const entry = `export { createClient, listVoiceClones } from "./src/index.js";`;
  const runtime = await gzippedBundleBytes(entry);
  const logicOnly = await gzippedBundleBytes(entry, [stripMessages]);
  const openapiFetch = await gzippedBundleBytes(`export { default as createClient } from "openapi-fetch";`);
  return [
    {
      name: "runtime bundle (createClient + listVoiceClones), esbuild min + gzip",
      value: runtime,
      unit: "bytes",
      target: TARGET_BYTES,
      note:
        `openapi-fetch alone: ${openapiFetch} bytes; the runtime adds ${runtime - openapiFetch} bytes (${(runtime / openapiFetch).toFixed(2)}x); ` +
        `with every message emptied (same code, bench/strip-messages.ts): ${logicOnly} bytes`,
    },
  ];
}
