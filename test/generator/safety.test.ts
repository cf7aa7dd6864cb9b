/**
 * Emission safety (test/fixtures/safety/): a spec whose descriptions,
 * summaries, enum values, property names, operationIds, defaults, examples,
 * paths and server URLs hold `*\/`, backticks, `${`, both quotes, line breaks,
 * `</script>`, U+2028, lone surrogates, `__proto__` and `constructor`
 * generates code that compiles, runs nothing when imported (a payload would
 * write a marker file), and carries every string exactly (checked by the type
 * checker against the spec's own values). Plus root type names that
 * openapi-typescript gets wrong, and the escaping helpers themselves.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { escapeDoc, escapeInvisibleBreaks, literal, singleQuoted } from "../../scripts/emit/emit-safety.js";
import { assertTypesOnly } from "../../scripts/emit/types-only.js";
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

const MARKER = "hostile-marker.txt";
const OUTPUTS: [string, string][] = [
  ["json", "hostile.json"],
  ["yaml", "hostile.yaml"],
  ["names", "root-names.yaml"],
  ["required", "with-required.yaml"],
];

let root: string;
const runs = new Map<string, Awaited<ReturnType<typeof runGenerate>>>();

/** The spec as the test reads it, independently of the generator's parser. */
function specOf(file: string): Spec {
  const text = readFileSync(fixture("safety", file), "utf8");
  return (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Spec;
}

interface Spec {
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string }[] }>>;
  components: {
    schemas: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[]; const?: string }> }>;
  };
}

const union = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(" | ");

/** A consumer that compiles only if the types carry the spec's strings exactly. */
function exactnessConsumer(spec: Spec): string {
  const hostile = spec.components.schemas.Hostile!;
  const [path, item] = Object.entries(spec.paths).find(([p]) => p.startsWith("/items"))!;
  const list = item.get!;
  const filter = list.parameters!.find((p) => p.name.startsWith("fi"))!.name;
  const opIds = Object.values(spec.paths).flatMap((i) => Object.values(i).map((op) => op.operationId!));
  return `import type { components, operations, paths } from "./generated/schema.js";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export const kind: Equal<components["schemas"]["Hostile"]["kind"], ${union(hostile.properties!.kind!.enum!)}> = true;
export const properties: Equal<keyof components["schemas"]["Hostile"], ${union(Object.keys(hostile.properties!))}> = true;
export const constant: Equal<NonNullable<components["schemas"]["Hostile"]["c"]>, ${JSON.stringify(hostile.properties!.c!.const)}> = true;
export const operationIds: Equal<keyof operations, ${union(opIds)}> = true;
export const pathKeys: Equal<keyof paths, ${union(Object.keys(spec.paths))}> = true;
type Query = NonNullable<paths[${JSON.stringify(path)}]["get"]["parameters"]["query"]>;
export const filter: Equal<NonNullable<Query[${JSON.stringify(filter)}]>, ${union(hostile.properties!.kind!.enum!)}> = true;
export const queryKeys: Equal<keyof Query, ${union(list.parameters!.map((p) => p.name))}> = true;
`;
}

/** Root aliases map to the component named (each schema of root-names.yaml is `const: <its tag>`). */
const NAMES_CONSUMER = `import type * as S from "./generated/schema.js";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export const checks: [
  Equal<S.Foo, "Foo">, Equal<S.Foo_2, "FOO">, Equal<S.Foo_3, "foo">, Equal<S.FooBar, "FooBar">, Equal<S.FooBar_2, "foo-bar">,
  Equal<S.Paths, "paths">, Equal<S.Schema3d, "3d">, Equal<S.SchemaRecord, "Record">, Equal<S.SchemaWithRequired, "WithRequired">,
  Equal<S.Class, "class">, Equal<S.BackSlash, "backslash">, Equal<S.LineBreak, "linebreak">, Equal<S.X, "comment">,
  Equal<S.OBrienExportConstPwned1TypeXComponentsSchemas, "quote">, Equal<NonNullable<S.Holder["quoted"]>, "quote">,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
`;

beforeAll(async () => {
  root = typecheckRoot();
  await Promise.all(
    OUTPUTS.map(async ([name, file]) => {
      runs.set(
        name,
        await runGenerate([
          "--spec",
          fixture("safety", file),
          "--out",
          outputIn(root, name),
          "--quiet",
          "--lint",
          name === "json" ? "warn" : "off",
        ]),
      );
    }),
  );
  writeFileSync(join(root, "json", "consumer.ts"), exactnessConsumer(specOf("hostile.json")));
  writeFileSync(join(root, "yaml", "consumer.ts"), exactnessConsumer(specOf("hostile.yaml")));
  writeFileSync(join(root, "names", "consumer.ts"), NAMES_CONSUMER);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("safety: hostile strings", () => {
  it.each(OUTPUTS)("%s (%s) generates", (name) => {
    const run = runs.get(name)!;
    expect(run.stderr).not.toMatch(/^error|unexpected failure/m);
    expect(run.code).toBe(0);
  });

  it("every output compiles under tsc --strict, and the consumers prove each string came through exactly", async () => {
    const files = OUTPUTS.flatMap(([name]) =>
      generatedFiles(join(root, name, "generated")).map((f) => `${name}/generated/${f}`),
    );
    const result = await tsc(root, [...files, "json/consumer.ts", "yaml/consumer.ts", "names/consumer.ts"]);
    const ours = result.output.split("\n").filter((line) => /^\w+\/(generated\/|consumer)/.test(line));
    expect(ours).toEqual([]);
  }, 90_000);

  it("the exactness check can fail: a consumer expecting a slightly different enum value does not compile", async () => {
    const wrong = exactnessConsumer(specOf("hostile.json")).replace('"*/" |', '"* /" |');
    writeFileSync(join(root, "json", "wrong.ts"), wrong);
    const result = await tsc(root, ["json/wrong.ts"]);
    expect(result.output).toMatch(/json\/wrong\.ts\(3,\d+\): error TS2322/);
  }, 60_000);

  it("importing every generated module runs nothing, though the payload works as code", async () => {
    const modules = OUTPUTS.flatMap(([name]) =>
      generatedFiles(join(root, name, "generated")).map((f) => `./${name}/generated/${f}`),
    );
    writeFileSync(
      join(root, "import-all.mjs"),
      `${modules.map((m) => `await import(${JSON.stringify(m)});`).join("\n")}\nawait new Promise((r) => setTimeout(r, 200));\n`,
    );
    await node(["--import", "tsx/esm", "import-all.mjs"]);
    expect(existsSync(join(root, MARKER))).toBe(false);
    // Control: the same payload, as code, does write the marker.
    const payload = /;(import\("node:fs"\)[^;]*);/.exec(
      readFileSync(fixture("safety", "hostile.json"), "utf8").replace(/\\"/g, '"'),
    )![1]!;
    writeFileSync(join(root, "control.mjs"), `${payload};\nawait new Promise((r) => setTimeout(r, 200));\n`);
    await node(["control.mjs"]);
    expect(existsSync(join(root, MARKER))).toBe(true);
  }, 60_000);

  it("servers.ts holds the spec's server URL exactly", async () => {
    writeFileSync(
      join(root, "servers.mjs"),
      `const { servers } = await import("./json/generated/servers.ts"); process.stdout.write(JSON.stringify(servers[0]));`,
    );
    expect(JSON.parse(await node(["--import", "tsx/esm", "servers.mjs"]))).toBe(specOf("hostile.json").servers[0]!.url);
  }, 30_000);

  it("schema.ts holds no invisible line breaks or lone surrogates, and every comment is closed only by its own end", () => {
    const schema = readFileSync(join(root, "json", "generated", "schema.ts"), "utf8");
    expect(schema).not.toMatch(/[\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    for (const comment of schema.match(/\/\*\*[\s\S]*?\*\//g) ?? []) expect(comment.slice(3, -2)).not.toContain("*/");
    expect(schema).toContain("*\\/ ;import(");
  });

  it("the hostile operationId becomes a plain function name", () => {
    expect(readFileSync(join(root, "json", "generated", "paginators.ts"), "utf8")).toContain(
      "export function listItemsXQQScript(",
    );
  });
});

describe("safety: root type names", () => {
  it("colliding, non-identifier, quoted and shadowing names all get a valid, unique alias", () => {
    const schema = readFileSync(join(root, "names", "generated", "schema.ts"), "utf8");
    expect(schema).toContain(
      "export type Foo = components['schemas']['Foo'];\nexport type Foo_2 = components['schemas']['FOO'];\nexport type Foo_3 = components['schemas']['foo'];",
    );
    expect(schema).toContain("export type Schema3d = components['schemas']['3d'];");
    expect(schema).toContain("export type SchemaRecord = components['schemas']['Record'];");
    expect(schema).toContain(
      "export type OBrienExportConstPwned1TypeXComponentsSchemas = components['schemas']['O\\'Brien\\']; export const pwned = 1; type X = components[\\'schemas\\'][\\''];",
    );
    expect(schema).toContain('"\\u7528\\u6237": "unicode";'); // 用户: in components, but no root alias (no ASCII letter or digit)
    expect(schema).not.toMatch(/\['(用户|\\u7528\\u6237)'\]/);
    expect(schema).toContain("export type ParameterFoo = components['parameters']['Foo'];");
  });

  it("openapi-typescript's WithRequired is replaced by one that compiles on nullable schemas", () => {
    const schema = readFileSync(join(root, "required", "generated", "schema.ts"), "utf8");
    expect(schema).toContain("type WithRequired<T, K extends PropertyKey> = T & {");
    expect(schema).not.toContain("K extends keyof T");
  });

  it("schemas defined only through each other (discriminator parent with oneOf of its allOf children) are a clear error", async () => {
    const dir = tempDir("safety-cycle");
    try {
      const out = occupiedOut(dir);
      const before = snapshot(out);
      const run = await runGenerate([
        "--spec",
        "test/fixtures/safety/discriminator-cycle.yaml",
        "--out",
        out,
        "--lint",
        "off",
        "--quiet",
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /discriminator-cycle\.yaml \(#\/components\/schemas\/Cat\): schemas "Cat" -> "Pet" -> "Cat" are defined only through each other[\s\S]*fix: put the recursion inside an object property/,
      );
      expect(snapshot(out)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const STRINGS = [
  "*/",
  "/*",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: on purpose, a template literal's text the emitted code must escape
  "`${x}`",
  '"',
  "'",
  "\\",
  "\n",
  "\r\n",
  "</script>",
  "\u2028",
  "\u2029",
  "\ud800",
  "\udc00x",
  "😀",
  "__proto__",
  "a'b\"c\\d",
];

describe("safety: escaping helpers", () => {
  it.each(STRINGS)("literal and singleQuoted of %j read back as the same string", (value) => {
    for (const code of [literal(value), singleQuoted(value)]) {
      expect(code).not.toMatch(/[\u2028\u2029\n\r]/);
      expect(new Function(`return ${code};`)()).toBe(value);
    }
  });

  it.each(STRINGS)("escapeDoc(%j) cannot end a comment", (value) => {
    const comment = `/** ${escapeDoc(`x ${value} y`)} */`;
    expect(comment.slice(3, -2)).not.toContain("*/");
    expect(comment).not.toMatch(/[\u2028\u2029]/);
  });

  it("escapeInvisibleBreaks keeps a string literal's value", () => {
    const code = `const s = "a\u2028b\u2029c\ud800d";`;
    const escaped = escapeInvisibleBreaks(code);
    expect(escaped).toBe('const s = "a\\u2028b\\u2029c\\ud800d";');
    expect(new Function(`${escaped} return s;`)()).toBe("a\u2028b\u2029c\ud800d");
  });

  it("assertTypesOnly accepts declarations and refuses anything that runs or does not parse", () => {
    expect(() => assertTypesOnly("export interface A { x: string }\nexport type B = A['x'];\n", "ok.ts")).not.toThrow();
    expect(() => assertTypesOnly('export type A = string;\nconsole.log("pwned");\n', "bad.ts")).toThrow(
      /has code at line 2 \("console\.log\(\\"pwned\\"\);"\): it may hold only types/,
    );
    expect(() => assertTypesOnly("export const pwned = 1;\n", "bad.ts")).toThrow(
      /has code at line 1 \("export const pwned = 1;"\)/,
    );
    expect(() => assertTypesOnly("export type 3d = string;\n", "bad.ts")).toThrow(/does not parse \(line 1:\d+: /);
    expect(() => assertTypesOnly("export type A = {\n", "bad.ts")).toThrow(/does not parse \(line 2:1: '}' expected/);
  });
});

function node(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, encoding: "utf8" }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}
