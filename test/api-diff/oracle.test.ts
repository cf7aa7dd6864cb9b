/**
 * The TypeScript compiler as the oracle of the change report's verdicts: for
 * each case of cases.ts (one change to a copy of the seed, the full Telnyx
 * spec or the moves spec), the report must give exactly the case's rules, and the consumer
 * written against the base types must fail to compile against the changed
 * copy's types exactly when a type-visible rule says "breaking" (or, for a
 * `review` rule the types show, as the case documents). See harness.ts.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../scripts/api-diff/rules.js";
import type { Report } from "../../scripts/api-diff/report.js";
import { CASES, type DiffCase } from "./cases.js";
import { runCases, type Run } from "./harness.js";

let run: Run | undefined;

beforeAll(async () => {
  run = await runCases(CASES);
}, 600_000);

/** What tsc must do with the consumer: what the case documents for a type-visible `review` rule, else what the rules say. */
function expectedToCompile(c: DiffCase, report: Report): boolean {
  if (c.tsc) return c.tsc.compiles;
  return !report.changes.some((change) => RULES[change.rule].typeVisible && change.verdict === "breaking");
}

describe("api-diff verdicts against tsc", () => {
  it("has at least 85 cases, on the three specs", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(85);
    expect(new Set(CASES.map((c) => c.spec))).toEqual(new Set(["seed", "full", "moves"]));
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it("each consumer compiles against its base, and no error falls outside the cases", () => {
    expect(run!.baseErrors).toEqual({ seed: [], full: [], moves: [] });
    expect(run!.otherErrors).toEqual([]);
  });

  it("documents tsc for exactly the cases whose verdict comes from a type-visible review rule", () => {
    for (const { case: c, report } of run!.results) {
      const reviewVisible =
        report.verdict === "review" &&
        report.changes.some((ch) => ch.verdict === "review" && RULES[ch.rule].typeVisible);
      expect({ case: c.name, documented: c.tsc !== undefined }).toEqual({ case: c.name, documented: reviewVisible });
    }
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const { case: c, report, errors } = run!.results[i]!;
    expect(report.changes.map((change) => change.rule).sort()).toEqual([...c.rules].sort());
    expect({ compiles: errors.length === 0, errors }).toMatchObject({ compiles: expectedToCompile(c, report) });
  });

  afterAll(() => {
    if (!run) return;
    rmSync(run.root, { recursive: true, force: true });
    const rows = run.results.map(({ case: c, report, errors }) => {
      const visible = report.changes.some((ch) => RULES[ch.rule].typeVisible);
      const agrees = (errors.length === 0) === expectedToCompile(c, report);
      return {
        name: c.name,
        verdict: report.verdict ?? "none",
        tsc: errors.length === 0 ? "compiles" : "errors",
        visible,
        agrees,
      };
    });
    const visible = rows.filter((r) => r.visible);
    console.log(
      [
        ...rows.map(
          (r) =>
            `${r.agrees ? "ok  " : "DIFF"} ${r.verdict.padEnd(8)} tsc ${r.tsc.padEnd(8)} ${r.visible ? "type-visible " : "types same   "} ${r.name}`,
        ),
        `verdicts vs tsc: ${rows.filter((r) => r.agrees).length} of ${rows.length} cases agree; type-visible: ${visible.filter((r) => r.agrees).length} of ${visible.length}`,
      ].join("\n"),
    );
  });
});
