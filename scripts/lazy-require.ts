/**
 * The generator's dependencies (Redocly, openapi-typescript, TypeScript,
 * ts-morph, yaml, diff) are loaded with `require()`, through the "require"
 * entry of each package's exports map, when a step first needs one:
 * - a run that never needs one does not load it (a JSON spec never needs
 *   `yaml`, a clean check never needs `diff`, --lint off never needs Redocly
 *   on the main thread);
 * - `require` leaves them outside tsx's ES-module hooks, which only our own
 *   TypeScript needs (Redocly's ~600 ES modules load ~2x slower through them).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
