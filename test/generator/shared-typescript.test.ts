/**
 * The types step loads openapi-typescript on ts-morph's TypeScript (one
 * TypeScript load instead of two). Its output must be byte-identical to
 * openapi-typescript on its own TypeScript, on the seed and the full spec;
 * and so must calling its transform directly (`transformDocument`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import openapiTSOwn, { astToString as printOwn } from "openapi-typescript";
import { loadOpenapiTypescript, noLintConfig, transformDocument } from "../../scripts/emit/shared-typescript.js";
import { parseSpecText } from "../../scripts/spec/parse-spec.js";
import { ROOT } from "./cli-runner.js";

const SPECS = [join(ROOT, "spec", "openapi.yaml"), join(ROOT, "..", "shared", "specs", "telnyx-full.openapi.json")];
const OPTIONS = { rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true } as const;

describe("openapi-typescript on ts-morph's TypeScript", () => {
  it("is a different TypeScript than openapi-typescript's own (else this test proves nothing)", async () => {
    const own = (await import("typescript")).default.version;
    const shared = (await import("ts-morph")).ts.version;
    expect(shared).not.toBe(own);
  });

  it.each(SPECS)("prints the same bytes for %s", async (file) => {
    const doc = parseSpecText(readFileSync(file, "utf8"), file) as Parameters<typeof openapiTSOwn>[0];
    const shared = loadOpenapiTypescript();
    const config = await noLintConfig();
    const viaShared = shared.astToString(await shared.default(structuredClone(doc), { ...OPTIONS, redocly: config }));
    const viaOwn = printOwn(await openapiTSOwn(structuredClone(doc), { ...OPTIONS, redocly: config }));
    expect(viaShared.length).toBeGreaterThan(1000);
    expect(viaShared).toBe(viaOwn);
    // The types step skips openapiTS()'s parse/lint/bundle half and calls its transform directly.
    const direct = shared.astToString(transformDocument(structuredClone(doc) as object, OPTIONS));
    expect(direct).toBe(viaOwn);
  });
});
