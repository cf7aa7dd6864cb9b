/**
 * The lint step turns off Ajv's code optimizer in Redocly's example checks
 * (scripts/lint-ajv.ts): on the full Telnyx spec (169 example problems among
 * 609) the problems must be the very same lines, in the same order, with and
 * without it, and the switch must reach the Ajv instances Redocly really uses.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AjvValidator } from "../../node_modules/@redocly/openapi-core/lib/rules/ajv.js";
import { skipAjvCodeOptimizer } from "../../scripts/steps/lint-ajv.js";
import { lintSpec } from "../../scripts/steps/lint.js";
import { loadSpec } from "../../scripts/spec/load.js";
import { ROOT } from "../helpers/run-generate.js";

const SPEC = join(ROOT, "..", "shared", "specs", "telnyx-full.openapi.json");

type GetAjv = (...args: unknown[]) => { opts: { code: { optimize: unknown } } };
const proto = AjvValidator.prototype as unknown as { getAjv: GetAjv };

/**
 * Lints the spec as the lint step does, recording the `code.optimize` of every
 * Ajv instance Redocly's rules get; `optimize` puts Ajv's default back first.
 */
async function lint(optimize?: 1): Promise<{ lines: string[]; optimize: Set<unknown> }> {
  expect(skipAjvCodeOptimizer()).toBe(true); // as lintSpec does (once: it is idempotent)
  const seen = new Set<unknown>();
  const patched = proto.getAjv;
  proto.getAjv = function (this: unknown, ...args: unknown[]) {
    const ajv = patched.apply(this, args);
    if (optimize !== undefined) ajv.opts.code.optimize = optimize;
    seen.add(ajv.opts.code.optimize);
    return ajv;
  };
  try {
    const spec = loadSpec(SPEC, { cwd: ROOT, maxBytes: 64 * 1024 * 1024 });
    const result = await lintSpec(spec, "warn", ROOT);
    return { lines: result.lines, optimize: seen };
  } finally {
    proto.getAjv = patched;
  }
}

describe("Ajv without its code optimizer in Redocly's lint", () => {
  it("finds the same problems on the full Telnyx spec, and the switch reaches Redocly's Ajv", async () => {
    const optimized = await lint(1);
    expect(optimized.optimize).toEqual(new Set([1])); // Ajv's default: one optimizer pass
    const plain = await lint();
    expect(plain.optimize).toEqual(new Set([0]));

    expect(plain.lines.length).toBe(609);
    expect(plain.lines.filter((line) => line.endsWith("[no-invalid-schema-examples]")).length).toBe(169);
    expect(plain.lines).toEqual(optimized.lines);
  }, 60_000);

  it("is idempotent", () => {
    expect(skipAjvCodeOptimizer()).toBe(true);
    const wrapped = proto.getAjv;
    expect(skipAjvCodeOptimizer()).toBe(true);
    expect(proto.getAjv).toBe(wrapped);
  });
});
