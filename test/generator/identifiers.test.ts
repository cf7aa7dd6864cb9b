/**
 * Names made from spec strings (test/fixtures/identifiers/): operationIds that
 * are reserved words, start with a digit, hold dashes, dots or spaces, are not
 * ASCII or are missing become valid, unique, stable function names; two that
 * collide are an error naming both operations; a duplicate operationId is
 * settled by the documented rule. Root type alias names too.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionName, rootAliases } from "../../scripts/naming/identifiers.js";
import {
  fixture,
  occupiedOut,
  outputIn,
  runGenerate,
  snapshot,
  tempDir,
  tsc,
  typecheckRoot,
} from "../helpers/run-generate.js";
import { generatedFiles } from "../helpers/generated-output.js";

const FUNCTION_NAMES: [string, { given: [string | undefined, string, string]; want: string }][] = [
  ["camelCases words", { given: ["list-voice_clones.v2", "get", "/x"], want: "listVoiceClonesV2" }],
  ["splits at case changes", { given: ["HTTPGetAll", "get", "/x"], want: "httpGetAll" }],
  ["spaces and dots", { given: ["list.items by-name", "get", "/x"], want: "listItemsByName" }],
  ["a leading digit gets `op`", { given: ["2fa-codes", "get", "/x"], want: "op2faCodes" }],
  ["a reserved word gets `_`", { given: ["delete", "get", "/x"], want: "delete_" }],
  ["a TypeScript keyword gets `_`", { given: ["type", "get", "/x"], want: "type_" }],
  ["a name the module imports gets `_`", { given: ["paginate", "get", "/x"], want: "paginate_" }],
  ["a paging entry's name gets `_`", { given: ["paginate-by-cursor", "get", "/x"], want: "paginateByCursor_" }],
  ["no operationId: method and path", { given: [undefined, "get", "/widgets/{id}/parts"], want: "getWidgetsIdParts" }],
  ["no ASCII letter or digit: method and path", { given: ["列表", "get", "/unicode"], want: "getUnicode" }],
  ["__proto__ is only its word", { given: ["__proto__", "get", "/x"], want: "proto" }],
];

describe("function names (table)", () => {
  it.each(FUNCTION_NAMES)("%s", (_name, { given, want }) => {
    expect(functionName(...given)).toBe(want);
  });

  it("never take a name the runtime entry exports beside the paginators and operation functions (the package would not compile)", async () => {
    const runtime = Object.keys(await import("../../src/index.js"));
    const generated = new Set([
      ...Object.keys(await import("../../generated/paginators.js")),
      ...Object.keys(await import("../../generated/operations.js")),
    ]);
    const functions = runtime.filter((name) => !generated.has(name) && /^[a-z]/.test(name));
    expect(functions).toContain("createClient");
    for (const name of functions) expect(functionName(name, "get", "/x"), name).toBe(`${name}_`);
  });
});

describe("root type alias names (table)", () => {
  it("do not depend on the order of components, and an exact name keeps its alias", () => {
    const a = rootAliases({ schemas: { foo: {}, FOO: {}, Foo: {} } });
    const b = rootAliases({ schemas: { Foo: {}, foo: {}, FOO: {} } });
    const byName = (list: typeof a) => Object.fromEntries(list.map((x) => [x.name, x.alias]));
    expect(byName(a)).toEqual({ Foo: "Foo", FOO: "Foo_2", foo: "Foo_3" });
    expect(byName(b)).toEqual(byName(a));
  });

  it("prefix other kinds, avoid digits and shadowed types, skip names without ASCII letters", () => {
    const aliases = rootAliases({
      schemas: { "3d": {}, Record: {}, "voice-designs_ErrorResponse": {}, 用户: {} },
      parameters: { "voice-designs_PageNumber": {} },
      requestBodies: { x: {} },
    });
    expect(aliases.map((a) => a.alias)).toEqual([
      "Schema3d",
      "SchemaRecord",
      "VoiceDesignsErrorResponse",
      "ParameterVoiceDesignsPageNumber",
      "RequestBodyX",
    ]);
  });
});

describe("operationIds in a real run", () => {
  let root: string;
  let run: Awaited<ReturnType<typeof runGenerate>>;
  beforeAll(async () => {
    root = typecheckRoot();
    run = await runGenerate([
      "--spec",
      fixture("identifiers", "operation-ids.yaml"),
      "--out",
      outputIn(root, "ids"),
      "--lint",
      "off",
      "--quiet",
    ]);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("become valid, unique function names by the documented rule", () => {
    expect(run.code).toBe(0);
    const names = [
      ...readFileSync(join(root, "ids", "generated", "paginators.ts"), "utf8").matchAll(/^export function (\w+)\(/gm),
    ].map((m) => m[1]);
    expect(names.sort()).toEqual([
      "class_",
      "constructor_",
      "delete_",
      "getUnicode",
      "getUsers",
      "getWidgetsIdParts",
      "httpGetAll",
      "listItemsByName",
      "op2faCodes",
      "paginate_",
      "paths_",
      "proto",
    ]);
  });

  it("the module compiles under tsc --strict", async () => {
    const files = generatedFiles(join(root, "ids", "generated")).map((f) => `ids/generated/${f}`);
    const result = await tsc(root, files);
    expect(result.output.split("\n").filter((line) => line.startsWith("ids/generated/"))).toEqual([]);
  }, 60_000);
});

describe("a duplicate operationId is settled by the documented rule, with one warning", () => {
  it("generates, names the second operation <id>_<PathWords>, and says so once", async () => {
    const dir = tempDir("dup-ids");
    try {
      const out = join(dir, "out");
      const result = await runGenerate([
        "--spec",
        "test/fixtures/identifiers/duplicate-operation-id.yaml",
        "--out",
        out,
        "--lint",
        "off",
      ]);
      expect(result.stderr).not.toMatch(/^error/m);
      expect(result.code).toBe(0);
      const warnings = result.stderr.split("\n").filter((line) => line.startsWith("warning:"));
      expect(warnings).toEqual([
        'warning: test/fixtures/identifiers/duplicate-operation-id.yaml (#/paths/~1things~1{id}/delete/operationId): GET /things and DELETE /things/{id} share the operationId "getThing"; DELETE /things/{id} is named "getThing_ThingsId" (to choose another name: operationIds in pagination.yaml beside the spec)',
      ]);
      const schema = readFileSync(join(out, "schema.ts"), "utf8");
      expect(schema).toMatch(/^\s+getThing: \{$/m);
      expect(schema).toMatch(/^\s+getThing_ThingsId: \{$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the config beside the spec names an operation (operationIds)", async () => {
    const dir = tempDir("dup-ids-config");
    try {
      cpSync(fixture("identifiers", "duplicate-operation-id.yaml"), join(dir, "openapi.yaml"));
      writeFileSync(join(dir, "pagination.yaml"), 'operationIds:\n  "DELETE /things/{id}": deleteThing\n');
      const result = await runGenerate([
        "--spec",
        join(dir, "openapi.yaml"),
        "--out",
        join(dir, "out"),
        "--lint",
        "off",
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain("warning:");
      expect(result.stderr).toContain('DELETE /things/{id} is named "deleteThing" by the config (operationIds)');
      expect(readFileSync(join(dir, "out", "schema.ts"), "utf8")).toMatch(/^\s+deleteThing: \{$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.concurrent("colliding function names are an error naming both operations, and change nothing", () => {
  const CASES: [string, { spec: string; message: RegExp }][] = [
    [
      "no operationId, same name from method and path (GET /a-b, GET /a_b)",
      {
        spec: "path-collision.yaml",
        message:
          /path-collision\.yaml \(#\/paths\/~1a_b\/get\/operationId\): operations GET \/a-b and GET \/a_b both get the function name "getAB"[\s\S]*fix: give one of them a different operationId/,
      },
    ],
  ];
  it.each(CASES)("%s", async (_name, { spec, message }) => {
    const dir = tempDir("ids");
    try {
      const out = occupiedOut(dir);
      const before = snapshot(out);
      const result = await runGenerate([
        "--spec",
        `test/fixtures/identifiers/${spec}`,
        "--out",
        out,
        "--lint",
        "off",
        "--quiet",
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /);
      expect(snapshot(out)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
