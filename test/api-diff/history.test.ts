/**
 * `npm run api-diff` on Telnyx's real history: one consecutive pair of its
 * published spec (2026-06-16 -> 2026-06-18, 3.9 MB each, gzipped as
 * published, test/fixtures/specs/telnyx-history/), compared once for the
 * whole file, in this process. The spec has a duplicate operationId and
 * `nullable` in 3.1: the report must still give verdicts, read the `.gz`
 * files directly, and place changes in them. (The other pairs are measured,
 * not tested: docs/api-diff.md, "API changes on Telnyx's history".)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { compareSpecs, type Report } from "../../scripts/api-diff/report.js";
import { loadBase, loadHead } from "../../scripts/api-diff/sides.js";
import { DEFAULT_MAX_MB } from "../../scripts/options.js";
import { FIXTURES, ROOT } from "../helpers/run-generate.js";

const HISTORY = join(FIXTURES, "specs", "telnyx-history");
const LIMITS = { maxBytes: DEFAULT_MAX_MB * 1024 * 1024, cwd: ROOT };
let report: Report;

beforeAll(async () => {
  const base = await loadBase({ file: join(HISTORY, "spec3-2026-06-16-da445b1.yml.gz") }, "", LIMITS);
  const head = await loadHead(join(HISTORY, "spec3-2026-06-18-9a45c0b.yml.gz"), LIMITS);
  report = compareSpecs(base, head, ROOT);
}, 300_000);

describe("Telnyx spec 2026-06-16 -> 2026-06-18", () => {
  it("gives verdicts: one operation added (with its command), five component schemas added", () => {
    expect(report.counts).toEqual({ breaking: 0, review: 0, safe: 7 });
    expect(report.changes.map((c) => `${c.rule} ${c.operation ?? ""}`.trim()).sort()).toEqual([
      "cli-command-added GET /ai/conversation_histories",
      "operation-added GET /ai/conversation_histories",
      ...Array.from({ length: 5 }, () => "root-type-added"),
    ]);
  });

  it("places each change in the gzipped head by line", () => {
    const added = report.changes.find((c) => c.rule === "operation-added")!;
    expect(added.pointer).toBe("#/paths/~1ai~1conversation_histories/get");
    expect(added.location).toEqual({
      file: "test/fixtures/specs/telnyx-history/spec3-2026-06-18-9a45c0b.yml.gz",
      line: 72963,
      column: 5,
    });
  });
});

describe("gzipped specs", () => {
  it("refuse what is not gzip, and what decompresses past --max-size, naming the file", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "api-diff-gz-test-"));
    try {
      const bad = join(dir, "spec.yml.gz");
      writeFileSync(bad, "openapi: 3.1.0\n");
      await expect(loadHead(bad, { maxBytes: 1024, cwd: dir })).rejects.toThrow(/cannot decompress the spec/);
      const big = join(HISTORY, "spec3-2026-06-16-da445b1.yml.gz");
      await expect(loadBase({ file: big }, "", { maxBytes: 1024 * 1024, cwd: ROOT })).rejects.toMatchObject({
        message: expect.stringMatching(/larger than 1048576 bytes once decompressed \(in the base spec\)/),
        place: { file: "test/fixtures/specs/telnyx-history/spec3-2026-06-16-da445b1.yml.gz" },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
