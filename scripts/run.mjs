#!/usr/bin/env node
/**
 * `npm run generate` starts here. It runs two esbuild bundles kept in
 * node_modules/.cache/telnyx-typed-generate/<key>/:
 * - generate.mjs: scripts/generate.ts, code-split ES modules, dependencies
 *   left in node_modules, so each heavy one loads only in the chunk that uses it;
 * - lint-thread.cjs: scripts/lint-thread.ts with Redocly and its dependencies
 *   inside, one CommonJS file for the lint worker thread, which this launcher
 *   also starts (`workerData` says so).
 * Both threads compile CommonJS through the V8 code cache (scripts/code-cache.mjs).
 * The key is a hash of every file the last build bundled (esbuild's metafile
 * inputs, Redocly's ~600 files included: ~10 ms a run) and of the launcher, so
 * an edit anywhere rebuilds them (~0.3 s) and they are never stale. No
 * TypeScript loader at run time.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import { isMainThread, workerData } from "node:worker_threads";
import { installCodeCache } from "./code-cache.mjs";

const INTERRUPT_BUDGET = 4 * 66 * 1024; // V8 11's default: 66 KB of bytecode run

// A run is short: V8's optimizing compiler, on its default budget, spends more CPU on code that
// runs a few times (Ajv's ~600 generated validators, TypeScript's printer) than it saves, and on
// two cores that CPU comes out of the other thread. A 4x budget keeps optimizing what stays hot.
// Process-wide, set before any of the work (and before the code cache, which V8 ties to its flags).
if (isMainThread) v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);

const self = fileURLToPath(import.meta.url);
const launcherFiles = [self, join(dirname(self), "code-cache.mjs")];
const root = dirname(dirname(self));
const cacheRoot = join(root, "node_modules", ".cache", "telnyx-typed-generate");
const manifestPath = join(cacheRoot, "manifest.json");
const LINT_BUNDLE = "telnyx-typed-generate.lint-bundle";
const IMPORT = "telnyx-typed-generate.import";

/** Hash of the launcher and the given files' paths and bytes; undefined when one is gone. */
function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of [...launcherFiles, ...files]) {
    if (!existsSync(file)) return undefined;
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function cachedBundles() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const dir = join(cacheRoot, manifest.key);
    const bundles = { dir, main: join(dir, "generate.mjs"), lint: join(dir, "lint-thread.cjs") };
    return hashOf(manifest.inputs) === manifest.key && existsSync(bundles.main) && existsSync(bundles.lint) ? bundles : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Redocly's one `import()` (of lint plugins named in redocly.yaml) becomes a
 * call to the launcher's `import()` in the lint bundle: Node 20 cannot run
 * `import()` in code compiled from the V8 code cache, and this way the bundle
 * has none, so it can be cached. Should the text change in another Redocly, the
 * bundle keeps its `import()` and scripts/code-cache.mjs leaves it uncached.
 */
const pluginImportViaLauncher = {
  name: "plugin-import-via-launcher",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]@redocly[\\/]openapi-core[\\/]lib[\\/]config[\\/]plugins-cache\.js$/ }, ({ path }) => ({
      contents: readFileSync(path, "utf8").replace(/\bimport\(\s*(\/\*[^*]*\*\/\s*)?pluginUrl\.href\s*\)/, `globalThis[Symbol.for(${JSON.stringify(IMPORT)})](pluginUrl.href)`),
      loader: "js",
    }));
  },
};

async function build() {
  const { build } = await import("esbuild");
  mkdirSync(cacheRoot, { recursive: true });
  const temp = join(cacheRoot, `build-${process.pid}-${Date.now()}`);
  const common = { bundle: true, platform: "node", target: "node20", outdir: temp, metafile: true, logLevel: "error" };
  const [main, lint] = await Promise.all([
    build({
      ...common,
      entryPoints: { generate: join(root, "scripts", "generate.ts") },
      splitting: true,
      format: "esm",
      packages: "external",
      outExtension: { ".js": ".mjs" },
    }),
    build({
      ...common,
      entryPoints: { "lint-thread": join(root, "scripts", "steps", "lint-thread.ts") },
      format: "cjs",
      outExtension: { ".js": ".cjs" },
      plugins: [pluginImportViaLauncher],
    }),
  ]);
  const inputs = [...new Set([...Object.keys(main.metafile.inputs), ...Object.keys(lint.metafile.inputs)].map((input) => resolve(root, input)))].sort();
  const key = hashOf(inputs);
  const dir = join(cacheRoot, key);
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another run built the same bundles first
  }
  pruneOldBundles(key);
  const manifestTemp = `${manifestPath}.${process.pid}`;
  writeFileSync(manifestTemp, JSON.stringify({ key, inputs }));
  renameSync(manifestTemp, manifestPath);
  return { dir, main: join(dir, "generate.mjs"), lint: join(dir, "lint-thread.cjs") };
}

/** An hour: older bundle folders of other keys (earlier versions of the scripts) are removed when a new one is built. */
const KEEP_OLD_BUNDLES_MS = 60 * 60 * 1000;

function pruneOldBundles(current) {
  for (const name of readdirSync(cacheRoot)) {
    const dir = join(cacheRoot, name);
    try {
      if (name !== current && /^[0-9a-f]{16}$/.test(name) && Date.now() - statSync(dir).mtimeMs > KEEP_OLD_BUNDLES_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it first, or it cannot be removed: it only costs disk.
    }
  }
}

if (!isMainThread && workerData?.[LINT_BUNDLE]) {
  // The lint worker thread (scripts/lint-worker.ts starts it): its bundle answers one message, then the main thread ends it.
  const bundle = workerData[LINT_BUNDLE];
  const cache = installCodeCache(join(dirname(bundle), "v8-lint.bin"));
  globalThis[Symbol.for("telnyx-typed-generate.worker")] = { saveCodeCache: () => cache.save() };
  globalThis[Symbol.for(IMPORT)] = (specifier) => import(specifier); // see pluginImportViaLauncher
  createRequire(import.meta.url)(bundle);
} else {
  const cache = installCodeCache(join(cacheRoot, "v8-main.bin"));
  process.once("beforeExit", () => cache.save().catch(() => {}));
  const bundles = cachedBundles() ?? (await build());
  globalThis[Symbol.for("telnyx-typed-generate.launch")] = { lintWorker: { filename: self, workerData: { [LINT_BUNDLE]: bundles.lint } } };
  await import(pathToFileURL(bundles.main).href);
}
