#!/usr/bin/env node
/**
 * `npm run generate` starts here. It runs scripts/generate.ts as an esbuild
 * bundle kept in node_modules/.cache. The cache key is a hash of every local
 * file the last build bundled (esbuild's metafile inputs, wherever they live)
 * and of this launcher, so an edit anywhere rebuilds it (~50 ms) and it is
 * never stale. No TypeScript loader at run time, and the bundle is code-split
 * so each heavy dependency loads only in the chunk (or the lint worker thread)
 * that uses it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(self));
const cacheRoot = join(root, "node_modules", ".cache", "telnyx-typed-generate");
const manifestPath = join(cacheRoot, "manifest.json");

/** Hash of the given files' paths and bytes; undefined when one is gone. */
function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of [self, ...files]) {
    if (!existsSync(file)) return undefined;
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function cachedEntry() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const entry = join(cacheRoot, manifest.key, "generate.mjs");
    return hashOf(manifest.inputs) === manifest.key && existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

async function build() {
  const { build } = await import("esbuild");
  mkdirSync(cacheRoot, { recursive: true });
  const temp = join(cacheRoot, `build-${process.pid}-${Date.now()}`);
  const result = await build({
    entryPoints: { generate: join(root, "scripts", "generate.ts") },
    outdir: temp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "error",
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(root, input)).sort();
  const key = hashOf(inputs);
  const dir = join(cacheRoot, key);
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another run built the same bundle first
  }
  const manifestTemp = `${manifestPath}.${process.pid}`;
  writeFileSync(manifestTemp, JSON.stringify({ key, inputs }));
  renameSync(manifestTemp, manifestPath);
  return join(dir, "generate.mjs");
}

const entry = cachedEntry() ?? (await build());
await import(pathToFileURL(entry).href);
