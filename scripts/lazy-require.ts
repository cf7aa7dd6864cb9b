/**
 * A dependency loaded on first use, with `require`: a run that never needs it
 * (a JSON spec never needs `yaml`, a clean check never needs `diff`) does not
 * pay for loading it, and a CommonJS package loaded by `require` skips the scan
 * Node makes of it for export names on an ES import (~0.1 s for ts-morph).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
