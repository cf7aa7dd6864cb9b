/**
 * `npm run api-diff` on the full Telnyx spec against a copy with 20 changes
 * scattered over it (properties removed and added, enum values, types,
 * nullability, required lists, parameters, an operation), against
 * `npm run generate -- --check` on the same spec: both as a user runs them
 * (the package.json commands), medians of interleaved runs. Target: at most
 * 1.5 times the drift check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { interleaved, timeCommand } from "./measure.js";
import type { Doc } from "../test/api-diff/cases.js";
import type { BenchResult } from "./types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SPEC = join(ROOT, "test", "fixtures", "specs", "telnyx-full.openapi.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHANGES = 20;

/** 20 changes, each to another schema or operation, spread over the spec in name order. */
export function scatterChanges(doc: Doc): string[] {
  const done: string[] = [];
  // Schemas with at least two properties of their own (not refs, whose siblings OpenAPI 3.0 ignores).
  const own = (schema: Doc) =>
    Object.values(schema.properties ?? {}).filter((p) => typeof (p as Doc).type === "string").length;
  const schemas = Object.keys(doc.components.schemas)
    .sort()
    .filter((name) => own(doc.components.schemas[name]) >= 2);
  const step = Math.floor(schemas.length / (CHANGES - 2));
  for (let i = 0; done.length < CHANGES - 2; i++) {
    const name = schemas[i * step]!;
    const schema = doc.components.schemas[name];
    const [first, second] = Object.keys(schema.properties)
      .filter((p) => typeof schema.properties[p].type === "string")
      .sort();
    const kind = done.length % 6;
    if (kind === 0) delete schema.properties[first!];
    else if (kind === 1) schema.properties.added_field = { type: "string" };
    else if (kind === 2) schema.required = [...new Set([...(schema.required ?? []), second!])];
    else if (kind === 3)
      schema.properties[first!] = { ...schema.properties[first!], nullable: !schema.properties[first!].nullable };
    else if (kind === 4)
      schema.properties[second!] = { type: schema.properties[second!].type === "integer" ? "string" : "integer" };
    else schema.properties[second!] = { ...schema.properties[second!], description: "changed", format: "uuid" };
    done.push(`${name}: change ${kind}`);
  }
  const paths = Object.keys(doc.paths).sort();
  const list = paths.find((p) => doc.paths[p].get?.parameters?.length > 0)!;
  doc.paths[list].get.parameters.push({
    name: "filter[bench]",
    in: "query",
    required: true,
    schema: { type: "string" },
  });
  done.push(`GET ${list}: required parameter added`);
  const removed = paths[Math.floor(paths.length / 2)]!;
  delete doc.paths[removed];
  done.push(`${removed}: path removed`);
  return done;
}

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-api-diff-"));
  try {
    const head = join(dir, "head.json");
    const doc = JSON.parse(readFileSync(SPEC, "utf8")) as Doc;
    const changes = scatterChanges(doc);
    writeFileSync(head, JSON.stringify(doc));
    const out = join(dir, "generated");
    const generate = [
      "--import",
      "tsx/esm",
      "scripts/generate.ts",
      "--spec",
      head,
      "--out",
      out,
      "--lint",
      "warn",
      "--quiet",
    ];
    timeCommand(process.execPath, generate, { cwd: ROOT }); // writes the folder the check compares with (and warms the compile cache)
    const apiDiff = [
      "--import",
      "tsx/esm",
      "scripts/api-diff.ts",
      "--base-spec",
      SPEC,
      "--spec",
      head,
      "--format",
      "json",
    ];
    const found = JSON.parse(
      spawnSync(process.execPath, apiDiff, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout,
    ) as { changes: unknown[]; counts: Record<string, number> };
    const { subjectMs, baselineMs, ratio } = await interleaved(
      RUNS,
      () => timeCommand(process.execPath, apiDiff, { cwd: ROOT }),
      () => timeCommand(process.execPath, [...generate, "--check"], { cwd: ROOT }),
    );
    return [
      {
        name: `api-diff vs generate --check, full Telnyx spec with ${changes.length} scattered changes`,
        value: ratio,
        unit: "ratio",
        target: 1.5,
        note: `${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median of ${RUNS}; ${found.changes.length} changes reported (${found.counts.breaking} breaking, ${found.counts.review} review, ${found.counts.safe} safe)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
