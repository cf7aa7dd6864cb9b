/**
 * Redocly checks every example against its schema with Ajv, compiling one
 * validator per schema shape: ~580 compilations on the full Telnyx spec, most
 * of the lint step's time. Ajv's code optimizer (`code.optimize`, one pass by
 * default) only rewrites each validator's generated source so that it runs
 * faster ("takes time but improves validation speed", Ajv's docs): what a
 * validator accepts and the errors it reports stay the same, and a validator
 * that runs once or twice does not earn back its ~30% share of the compile
 * time. So the lint step turns it off on the Ajv instances Redocly creates. A
 * test compares the problems found with and without it, on the full spec.
 */
// Not in the package's exports map: reached by path, the very module Redocly's rules use
// (in the lint worker's bundle as under a TypeScript loader: one file, one module).
import { AjvValidator } from "../../node_modules/@redocly/openapi-core/lib/rules/ajv.js";

interface AjvInstance {
  opts?: { code?: { optimize?: unknown } };
}

type GetAjv = (...args: unknown[]) => AjvInstance;

const PATCHED = Symbol.for("telnyx-typed.ajv-no-optimize");

/**
 * Makes every Ajv instance Redocly's example rules create skip code
 * optimization. Idempotent; returns false (and changes nothing) when the pinned
 * Redocly no longer has the method it wraps, so a Redocly upgrade can only make
 * lint slower, never different.
 */
export function skipAjvCodeOptimizer(): boolean {
  const proto = AjvValidator.prototype as unknown as Record<PropertyKey, unknown>;
  if (proto[PATCHED]) return true;
  const original = proto.getAjv;
  if (typeof original !== "function") return false;
  proto.getAjv = function (this: unknown, ...args: unknown[]) {
    const ajv = (original as GetAjv).apply(this, args);
    const code = ajv?.opts?.code;
    if (code && code.optimize !== 0) code.optimize = 0;
    return ajv;
  };
  proto[PATCHED] = original;
  return true;
}
