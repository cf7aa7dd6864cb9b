/**
 * The rule list is the contract users read: every rule has a kebab-case id,
 * a verdict and a reason, and docs/api-diff-rules.md (npm run docs) lists each with the same verdict.
 * Plus the small pure pieces the report is built from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../scripts/api-diff/rules.js";
import { fieldLabel, splitSchemaPath } from "../../scripts/api-diff/schema-site.js";
import { printable } from "../../scripts/api-diff/printable.js";
import { scopeDocuments } from "../../scripts/api-diff/scope.js";
import { ROOT } from "../helpers/run-generate.js";
import type { Doc } from "./cases.js";

describe("the rule list", () => {
  const page = readFileSync(join(ROOT, "docs/api-diff-rules.md"), "utf8");
  const listed = [...page.matchAll(/^\| `([a-z0-9-]+)` \| (breaking|review|safe) \| (yes|no) \|/gm)].map((m) => ({
    id: m[1]!,
    verdict: m[2]!,
    typeVisible: m[3] === "yes",
  }));

  it("has kebab-case ids, each with a reason", () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.why.length).toBeGreaterThan(20);
    }
  });

  it("is in docs/api-diff-rules.md, rule for rule, with the same verdicts", () => {
    expect(listed).toEqual(
      Object.entries(RULES).map(([id, rule]) => ({ id, verdict: rule.verdict, typeVisible: rule.typeVisible })),
    );
  });
});

describe("schema paths", () => {
  it.each([
    [["properties", "data", "items", "properties", "provider", "enum", 4], "data[].provider", "enum", [4]],
    [["properties", "data", "items", "oneOf", 1, "allOf", 0, "properties", "name"], "data[]", "properties", ["name"]],
    [["additionalProperties", "type"], "*", "type", []],
    [["oneOf", 2], "", "oneOf", [2]],
    [["type", 0], "", "type", [0]],
  ] as const)("%j -> field %s, keyword %s", (tokens, field, keyword, key) => {
    const place = splitSchemaPath(tokens);
    expect({ field: fieldLabel(place.field), keyword: place.keyword, key: place.key }).toEqual({ field, keyword, key });
  });
});

describe("printable", () => {
  it("escapes control characters from the spec, so a name cannot forge lines or colours", () => {
    expect(printable("name\u001b[31m\nforged")).toBe("name\\u001b[31m\\u000aforged");
  });
});

describe("scope", () => {
  const doc = () => ({
    openapi: "3.1.0",
    paths: {
      "/a": {
        get: {
          parameters: [{ $ref: "#/components/parameters/P" }],
          responses: {
            "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } },
          },
        },
      },
      "/b": {
        parameters: [{ name: "x", in: "query", schema: { type: "string" } }],
        get: { responses: { "200": { description: "" } } },
      },
    },
    components: {
      parameters: { P: { name: "p", in: "query", schema: { type: "string" } } },
      schemas: { A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" } } }, B: { type: "string" } },
    },
  });

  it("gives the engine only the path items that differ, through components they reach", () => {
    const head = doc();
    head.components.schemas.B.type = "integer";
    const scoped = scopeDocuments(doc(), head);
    expect(scoped.paths).toEqual(["/a"]);
    expect(Object.keys(scoped.head.paths as object)).toEqual(["/a"]);
    // Refs resolved, and what both sides share left out: the engine sees the change behind the two refs, and only it.
    const schemaOf = (side: Doc) => side.paths["/a"].get.responses["200"].content["application/json"].schema;
    expect([schemaOf(scoped.base), schemaOf(scoped.head)]).toEqual([
      { properties: { b: { type: "string" } } },
      { properties: { b: { type: "integer" } } },
    ]);
  });

  it("merges a path item's parameters into its operations, resolved (the engine's indexes count them)", () => {
    const head = doc();
    head.paths["/b"].parameters[0]!.schema.type = "integer";
    const scoped = scopeDocuments(doc(), head);
    expect(scoped.paths).toEqual(["/b"]);
    expect((scoped.base.paths as Doc)["/b"]).toEqual({
      get: { parameters: [{ name: "x", in: "query", schema: { type: "string" } }] },
    });
    expect((scoped.head.paths as Doc)["/b"]).toEqual({
      get: { parameters: [{ name: "x", in: "query", schema: { type: "integer" } }] },
    });
  });

  it("compares an inline schema moved to a component, with the same content, as no difference", () => {
    const base = doc() as Doc;
    base.paths["/a"].get.responses["200"].content["application/json"].schema = {
      type: "object",
      properties: { b: { type: "string" } },
    };
    const head = doc() as Doc;
    head.components.schemas.A = { type: "object", properties: { b: { type: "string" } } };
    const scoped = scopeDocuments(base, head);
    const schemaOf = (side: Doc) => side.paths["/a"].get.responses["200"].content["application/json"].schema;
    // Only the component's name (kept for messages) tells them apart; the report judges no x- key.
    expect([schemaOf(scoped.base), schemaOf(scoped.head)]).toEqual([{}, { "x-api-diff-ref": "A" }]);
  });

  it("gives nothing when only unused components or annotations outside paths change", () => {
    const head = doc() as Doc;
    head.components.schemas.Unused = { type: "string" };
    head.info = { title: "changed" };
    expect(scopeDocuments(doc(), head).paths).toEqual([]);
  });
});
