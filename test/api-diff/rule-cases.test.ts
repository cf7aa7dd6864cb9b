/**
 * The rules the TypeScript oracle (oracle.test.ts) cannot or need not check:
 * bounds, patterns, formats and servers (the types do not show them), and
 * shapes its consumers do not read (extra keys, a default removed from a
 * shared request schema). Each case edits a copy of a small spec (the base
 * edit applies to both sides), and the report must give exactly its rules;
 * nothing is generated or compiled, so the cases are quick. Then the
 * coverage: every rule of rules.ts is given by a case here or in cases.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { judged } from "../../scripts/api-diff/could-not-judge.js";
import { compareSpecs } from "../../scripts/api-diff/report.js";
import { RULES, type RuleId } from "../../scripts/api-diff/rules.js";
import { loadBase, loadHead } from "../../scripts/api-diff/sides.js";
import { DEFAULT_MAX_MB } from "../../scripts/options.js";
import { ROOT, tempDir } from "../helpers/run-generate.js";
import { CASES, type Doc, SPECS } from "./cases.js";

interface RuleCase {
  name: string;
  /** Applied to both sides first. */
  base?: (doc: Doc) => void;
  edit: (doc: Doc) => void;
  rules: RuleId[];
}

const thingsGet = (d: Doc) => d.paths["/things"].get;
const summary = (d: Doc) => thingsGet(d).responses["200"].content["application/json"].schema.properties.summary;
const newThing = (d: Doc) => d.paths["/things"].post.requestBody.content["application/json"].schema;
const status = (d: Doc) => thingsGet(d).parameters[0].schema.properties.status;
const limit = (d: Doc) =>
  thingsGet(d).parameters.push({ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10 } });
const limitSchema = (d: Doc) => thingsGet(d).parameters[1].schema;
const sharedBody = (d: Doc) => {
  d.components.schemas.NewThing = {
    type: "object",
    properties: { name: { type: "string" }, size: { type: "integer", default: 1 } },
  };
  d.paths["/things"].post.requestBody.content["application/json"].schema = { $ref: "#/components/schemas/NewThing" };
};
const paged = (op: Doc, operationId: string) => {
  op.operationId = operationId;
  op.parameters = [
    ...(op.parameters ?? []),
    { name: "page[number]", in: "query", schema: { type: "integer" } },
    { name: "page[size]", in: "query", schema: { type: "integer" } },
  ];
};

const RULE_CASES: RuleCase[] = [
  {
    name: "query maximum increased",
    base: limit,
    edit: (d) => (limitSchema(d).maximum = 20),
    rules: ["request-parameter-max-increased"],
  },
  {
    name: "query minimum increased",
    base: limit,
    edit: (d) => (limitSchema(d).minimum = 2),
    rules: ["request-parameter-min-increased"],
  },
  {
    name: "deepObject field pattern removed",
    base: (d) => (status(d).pattern = "^[a-z]+$"),
    edit: (d) => delete status(d).pattern,
    rules: ["request-parameter-pattern-removed"],
  },
  {
    name: "request property format added",
    edit: (d) => (newThing(d).properties.name.format = "email"),
    rules: ["request-property-format-changed"],
  },
  {
    name: "request property maxLength added",
    edit: (d) => (newThing(d).properties.name.maxLength = 10),
    rules: ["request-property-max-decreased"],
  },
  {
    name: "request property maxLength increased",
    base: (d) => (newThing(d).properties.name.maxLength = 10),
    edit: (d) => (newThing(d).properties.name.maxLength = 20),
    rules: ["request-property-max-increased"],
  },
  {
    name: "request property minimum added",
    edit: (d) => (newThing(d).properties.size.minimum = 1),
    rules: ["request-property-min-increased"],
  },
  {
    name: "request property minimum decreased",
    base: (d) => (newThing(d).properties.size.minimum = 1),
    edit: (d) => (newThing(d).properties.size.minimum = 0),
    rules: ["request-property-min-decreased"],
  },
  {
    name: "request property pattern added",
    edit: (d) => (newThing(d).properties.name.pattern = "^[a-z]+$"),
    rules: ["request-property-pattern-changed"],
  },
  {
    name: "request property pattern removed",
    base: (d) => (newThing(d).properties.name.pattern = "^[a-z]+$"),
    edit: (d) => delete newThing(d).properties.name.pattern,
    rules: ["request-property-pattern-removed"],
  },
  {
    name: "default removed from a shared request schema",
    base: sharedBody,
    edit: (d) => delete d.components.schemas.NewThing.properties.size.default,
    rules: ["request-property-default-removed"],
  },
  {
    name: "response maximum increased",
    base: (d) => (summary(d).properties.count.maximum = 10),
    edit: (d) => (summary(d).properties.count.maximum = 20),
    rules: ["response-property-max-increased"],
  },
  {
    name: "response minimum decreased",
    base: (d) => (summary(d).properties.count.minimum = 1),
    edit: (d) => (summary(d).properties.count.minimum = 0),
    rules: ["response-property-min-decreased"],
  },
  {
    name: "response minimum added",
    edit: (d) => (summary(d).properties.count.minimum = 1),
    rules: ["response-property-min-increased"],
  },
  {
    name: "response pattern added",
    edit: (d) => (summary(d).properties.label.pattern = "^[a-z]+$"),
    rules: ["response-property-pattern-changed"],
  },
  {
    name: "response additionalProperties removed",
    base: (d) => (summary(d).additionalProperties = true),
    edit: (d) => delete summary(d).additionalProperties,
    rules: ["response-additional-properties-removed"],
  },
  {
    name: "response additionalProperties typed -> open",
    base: (d) => (summary(d).additionalProperties = { type: "string" }),
    edit: (d) => (summary(d).additionalProperties = true),
    rules: ["response-additional-properties-widened"],
  },
  {
    name: "response additionalProperties open -> typed",
    base: (d) => (summary(d).additionalProperties = true),
    edit: (d) => (summary(d).additionalProperties = { type: "string" }),
    rules: ["response-additional-properties-narrowed"],
  },
  {
    name: "request media type -> a wildcard that covers it",
    edit: (d) =>
      (d.paths["/things"].post.requestBody.content = {
        "*/*": d.paths["/things"].post.requestBody.content["application/json"],
      }),
    rules: ["request-body-media-type-added"],
  },
  {
    name: "request media type wildcard -> one type (the engine pairs them: a rename)",
    base: (d) => (d.paths["/things"].post.requestBody.content = { "*/*": { schema: { type: "string" } } }),
    edit: (d) =>
      (d.paths["/things"].post.requestBody.content = { "application/octet-stream": { schema: { type: "string" } } }),
    rules: ["request-body-media-type-removed", "request-body-media-type-added"],
  },
  {
    name: "server removed",
    base: (d) => d.servers.push({ url: "https://eu.example.com" }),
    edit: (d) => d.servers.pop(),
    rules: ["server-removed"],
  },
  {
    name: "a generator step that fails on the head (two paginators without operationId named getXY): could not judge, not refused",
    edit: (d) => {
      for (const path of ["/x-y", "/x_y"]) {
        d.paths[path] = { get: structuredClone(thingsGet(d)) };
        paged(d.paths[path].get, "");
        delete d.paths[path].get.operationId;
      }
    },
    rules: ["could-not-judge", "operation-added", "operation-added"],
  },
];

const LIMITS = { maxBytes: DEFAULT_MAX_MB * 1024 * 1024, cwd: ROOT };
const dir = tempDir("api-diff-rule-cases");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parsed(): Doc {
  return YAML.parse(readFileSync(join(ROOT, SPECS.moves), "utf8"));
}

async function run(c: RuleCase, i: number) {
  const folder = join(dir, `case-${i}`);
  mkdirSync(folder, { recursive: true });
  const base = parsed();
  c.base?.(base);
  const head = structuredClone(base);
  c.edit(head);
  writeFileSync(join(folder, "base.json"), JSON.stringify(base));
  writeFileSync(join(folder, "head.json"), JSON.stringify(head));
  return compareSpecs(
    await loadBase({ file: join(folder, "base.json") }, "", LIMITS),
    await loadHead(join(folder, "head.json"), LIMITS),
    ROOT,
  );
}

describe("rules the types do not show", () => {
  it.each(RULE_CASES.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
    const c = RULE_CASES[i]!;
    const report = await run(c, i);
    expect(report.changes.map((change) => change.rule).sort()).toEqual([...c.rules].sort());
  });
});

describe("could-not-judge", () => {
  it("replaces a step that throws with one review change naming the place and the reason", () => {
    const drafts = judged(["paths", "/things", "get"], "this operation", () => {
      throw new Error("boom");
    });
    expect(drafts).toEqual([
      {
        rule: "could-not-judge",
        operation: "GET /things",
        message: "could not judge this operation: boom",
        at: { side: "head", path: ["paths", "/things", "get"] },
      },
    ]);
    expect(RULES["could-not-judge"].verdict).toBe("review");
  });
});

describe("rule coverage", () => {
  it("every rule is given by at least one case (here, or in the tsc oracle's cases.ts)", () => {
    const given = new Set([...CASES, ...RULE_CASES].flatMap((c) => c.rules));
    expect(Object.keys(RULES).filter((id) => !given.has(id as RuleId))).toEqual([]);
  });
});
