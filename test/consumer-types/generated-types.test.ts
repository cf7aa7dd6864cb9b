/**
 * Real `tsc --noEmit --strict` over generated/ plus a consumer file: it
 * compiles when the types are used right, and fails (on the expected lines)
 * when they are misused, which proves the types are not `any`.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tscStrict } from "../helpers/tsc.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;
const tsc = (files: string[]) => tscStrict(files, dir);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "consumer-types-"));
  for (const entry of ["generated", "src"]) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  cpSync(join(ROOT, "test", "consumer-types", "fixtures"), join(dir, "consumer"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generated types under tsc --strict", () => {
  it("compile over all of generated/ with a consumer that uses them", () => {
    const run = tsc([
      "generated/schema.ts",
      "generated/paginators.ts",
      "generated/servers.ts",
      "consumer/uses-types.ts",
    ]);
    expect(run.output).toBe("");
    expect(run.code).toBe(0);
  });

  it("reject a consumer that misuses them, on each wrong line", () => {
    const run = tsc(["generated/schema.ts", "consumer/misuses-types.ts"]);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(
      /misuses-types\.ts\(4,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
    expect(run.output).toMatch(/misuses-types\.ts\(5,\d+\): error TS2322: Type '"newest"' is not assignable/);
  });
});
