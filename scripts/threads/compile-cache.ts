/**
 * Node's own on-disk compile cache (`module.enableCompileCache()`, Node 22.1+):
 * V8 keeps the code it compiled for each module in a folder (by default under
 * the system's temp folder, or `NODE_COMPILE_CACHE`), so the next run of the
 * generator does not compile TypeScript, Redocly and ts-morph again. Node
 * checks each entry against the module's source itself. Node 20 has no such
 * cache and runs the same code without it. Call it before the heavy modules load.
 */
import module from "node:module";

export function enableCompileCache(): void {
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}
