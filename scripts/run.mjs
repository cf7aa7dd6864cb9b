#!/usr/bin/env node
/**
 * `npm run generate` starts here. It runs scripts/generate.ts as an esbuild
 * bundle kept in node_modules/.cache, keyed by a hash of the scripts' sources
 * (rebuilt in ~50 ms whenever a script changes, so it is never stale). No
 * TypeScript loader at run time, and the bundle is code-split so each heavy
 * dependency loads only in the chunk (or the lint worker thread) that uses it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(scriptsDir);
const sources = readdirSync(scriptsDir).filter((f) => /\.(ts|mjs)$/.test(f)).sort();
const hash = createHash("sha256");
for (const file of sources) hash.update(file).update("\0").update(readFileSync(join(scriptsDir, file))).update("\0");
const cacheRoot = join(root, "node_modules", ".cache", "telnyx-typed-generate");
const bundleDir = join(cacheRoot, hash.digest("hex").slice(0, 16));
const entry = join(bundleDir, "generate.mjs");

if (!existsSync(entry)) {
  const { build } = await import("esbuild");
  mkdirSync(cacheRoot, { recursive: true });
  const temp = `${bundleDir}.${process.pid}.tmp`;
  await build({
    entryPoints: { generate: join(scriptsDir, "generate.ts") },
    outdir: temp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
  });
  try {
    renameSync(temp, bundleDir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another run built the same bundle first
  }
}
await import(pathToFileURL(entry).href);
