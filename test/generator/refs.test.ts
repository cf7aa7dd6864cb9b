/**
 * The ref policy on real CLI runs (test/fixtures/refs/): refs out of the
 * spec's folder, absolute paths, `file:` and `http(s):` URLs (also in
 * discriminator mappings, `x-` values and examples) are refused with a clear
 * error; no file outside the folder is read (they are named pipes here: a
 * read would hang the run) and no request reaches the local server; broken
 * refs and ref cycles (refs that only point at refs) get a clear error; valid
 * multi-file, recursive and deep-ref specs, refs into the middle of a
 * recursive schema included, generate code that compiles.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

let server: Server;
const hits: string[] = [];
let work: string;
/** Outside every copied spec's folder; holds named pipes. */
let outside: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end("openapi: 3.1.0\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  work = tempDir("refs");
  outside = join(work, "outside");
  mkdirSync(outside);
  fifo(join(outside, "secret.yaml"));
  const port = String((server.address() as AddressInfo).port);
  // A copy of test/fixtures/refs with the placeholders filled in.
  cpSync(fixture("refs"), join(work, "refs"), { recursive: true });
  for (const file of readdirSync(join(work, "refs"), { recursive: true, encoding: "utf8" })) {
    const path = join(work, "refs", file);
    if (!statSync(path).isFile()) continue;
    writeFileSync(path, readFileSync(path, "utf8").replaceAll("__PORT__", port).replaceAll("__OUTSIDE__", outside));
  }
  // The files the `..` refs name, and the target of the link out of the folder: all pipes outside.
  fifo(join(work, "refs", "outside-dotdot", "secret.yaml"));
  fifo(join(work, "refs", "secret.yaml"));
  symlinkSync(join(outside, "secret.yaml"), join(work, "refs", "symlink-out", "linked.yaml"));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

function fifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

const spec = (...parts: string[]) => join(work, "refs", ...parts);

/** A run that must exit 2 with `message`, no stack trace, nothing changed in the output folder, and no request sent. */
async function refused(specPath: string, message: RegExp, lint = "off"): Promise<void> {
  const dir = tempDir("refs-out");
  try {
    const out = occupiedOut(dir);
    const before = snapshot(out);
    const run = await runGenerate(["--spec", specPath, "--out", out, "--quiet", "--lint", lint], { timeoutMs: 20_000 });
    expect(run.code, `a hang here means a file outside was opened\n${run.stderr}`).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("\n  fix: ");
    expect(run.stderr).not.toMatch(/unexpected failure|\n\s+at /);
    expect(snapshot(out)).toEqual(before);
    expect(hits).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REFUSED: [string, string[], RegExp][] = [
  [
    "`..` out of the folder",
    ["outside-dotdot", "spec", "openapi.yaml"],
    /\$ref "\.\.\/secret\.yaml#\/Thing" is refused: it points outside the spec's folder/,
  ],
  [
    "`..` hidden in a longer path",
    ["nested-dotdot", "spec", "openapi.yaml"],
    /\$ref "\.\/sub\/\.\.\/\.\.\/\.\.\/secret\.yaml#\/Thing" is refused: it points outside/,
  ],
  ["an absolute path", ["absolute-path.yaml"], /is refused: absolute paths are not followed/],
  [
    "a file: URL",
    ["file-url.yaml"],
    /\$ref "file:\/\/[^"]+" is refused: URLs \(http:, https:, file:, \.\.\.\) are never fetched/,
  ],
  ["an https: URL", ["https-url.yaml"], /\$ref "https:\/\/example\.com\/schemas\.yaml#\/Thing" is refused: URLs/],
  [
    "an http: URL to the local server",
    ["http-url.yaml"],
    /\$ref "http:\/\/127\.0\.0\.1:\d+\/schemas\.yaml#\/Thing" is refused: URLs/,
  ],
  [
    "a symbolic link inside the folder to a file outside",
    ["symlink-out", "openapi.yaml"],
    /\$ref "\.\/linked\.yaml#\/Thing" is refused: it resolves \(through a symbolic link\) outside the spec's folder/,
  ],
  [
    "a discriminator mapping to a URL",
    ["mapping-url.yaml"],
    /\(#\/components\/schemas\/Pet\/discriminator\/mapping\/cat\): \$ref "http:\/\/127\.0\.0\.1:\d+\/cat\.yaml#\/Cat" is refused/,
  ],
  [
    "a discriminator mapping out of the folder",
    ["mapping-outside.yaml"],
    /mapping\/cat\): \$ref "\.\.\/\.\.\/outside\/cat\.yaml" is refused: it points outside/,
  ],
  [
    "a URL $ref inside an x- extension",
    ["extension-url.yaml"],
    /\(#\/components\/schemas\/Thing\/x-vendor\/source\/\$ref\): \$ref "http:\/\/127\.0\.0\.1:\d+\/vendor\.yaml" is refused/,
  ],
  [
    "a URL $ref inside an example",
    ["example-url.yaml"],
    /\(#\/components\/schemas\/Thing\/example\/link\/\$ref\): \$ref "http:\/\/127\.0\.0\.1:\d+\/example\.json" is refused/,
  ],
];

const BROKEN: [string, string[], RegExp][] = [
  [
    "an internal ref to nothing",
    ["unresolved-internal.yaml"],
    /\(#\/paths\/~1things\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\): \$ref "#\/components\/schemas\/Missing" does not resolve: nothing at #\/components\/schemas\/Missing/,
  ],
  [
    "a ref to a missing file",
    ["missing-file", "openapi.yaml"],
    /schemas\/nothing-here\.yaml: cannot read this file, which a \$ref names at [^ ]*openapi\.yaml #\/paths\/~1things\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: no such file \(ENOENT\)/,
  ],
  [
    "a ref to a missing place in a file",
    ["missing-file", "pointer.yaml"],
    /\$ref "\.\/other\.yaml#\/Nope" does not resolve: nothing at other\.yaml#\/Nope/,
  ],
  [
    "refs that only point at each other",
    ["cycle-internal.yaml"],
    /\$ref cycle: #\/components\/schemas\/A -> #\/components\/schemas\/B -> #\/components\/schemas\/C -> #\/components\/schemas\/A: these refs only point at each other/,
  ],
  [
    "a ref cycle across two files",
    ["cycle-files", "openapi.yaml"],
    /\$ref cycle: a\.yaml#\/A -> b\.yaml#\/B -> a\.yaml#\/A/,
  ],
];

describe.concurrent("refs: refused, with nothing read outside the folder and no request sent", () => {
  it.each(REFUSED)("%s", async (_name, path, message) => {
    await refused(spec(...path), message);
  });

  it.each(REFUSED.filter(([name]) => /local server|symbolic link|`\.\.` out/.test(name)))(
    "%s, with lint on",
    async (_name, path, message) => {
      await refused(spec(...path), message, "warn");
    },
  );
});

describe.concurrent("refs: broken refs and ref cycles are a clear error, never a stack trace", () => {
  it.each(BROKEN)("%s", async (_name, path, message) => {
    await refused(spec(...path), message);
  });
});

describe("refs: valid specs generate code that compiles, without reading or fetching anything else", () => {
  const VALID: [string, string[], string][] = [
    ["multi-file", ["multi-file", "openapi.yaml"], "warn"],
    ["recursive-ok", ["recursive-ok.yaml"], "off"],
    ["deep-refs", ["deep-refs.yaml"], "off"],
    ["top-level-key", ["top-level-key.yaml"], "off"],
    ["external-value", ["external-value.yaml"], "warn"],
    ["deep-ref-loop", ["deep-ref-loop.yaml"], "off"],
    ["ref-into-recursive", ["ref-into-recursive.yaml"], "off"],
  ];
  let root: string;
  const runs = new Map<string, Awaited<ReturnType<typeof runGenerate>>>();

  beforeAll(async () => {
    root = typecheckRoot();
    await Promise.all(
      VALID.map(async ([name, path, lint]) => {
        runs.set(
          name,
          await runGenerate(["--spec", spec(...path), "--out", outputIn(root, name), "--quiet", "--lint", lint]),
        );
      }),
    );
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(VALID)("%s generates (lint %s)", (name) => {
    const run = runs.get(name)!;
    expect(run.stderr).not.toMatch(/^error|unexpected failure/m);
    expect(run.code).toBe(0);
  });

  it("no request reached the local server: not the externalValue, $id, externalDocs nor servers URLs, in lint or types", () => {
    expect(readFileSync(spec("external-value.yaml"), "utf8")).toMatch(/externalValue: http:\/\/127\.0\.0\.1:\d+/);
    expect(hits).toEqual([]);
  });

  it("all outputs pass tsc --strict", async () => {
    const files = VALID.flatMap(([name]) =>
      generatedFiles(join(root, name, "generated")).map((f) => `${name}/generated/${f}`),
    );
    const result = await tsc(root, files);
    const inOutputs = result.output.split("\n").filter((line) => /^[\w-]+\/generated\//.test(line));
    expect(inOutputs).toEqual([]);
  }, 60_000);

  it("the multi-file spec is bundled: the discriminator mapping and file refs became component refs", () => {
    const schema = readFileSync(join(root, "multi-file", "generated", "schema.ts"), "utf8");
    expect(schema).toMatch(/kind: "cat"/);
    expect(schema).toMatch(/components\["schemas"\]\["cat"\]|components\["schemas"\]\["Cat"\]/i);
    expect(readFileSync(join(root, "multi-file", "generated", "paginators.ts"), "utf8")).toContain(
      "export function listPets(",
    );
  });

  it("refs into the middle of schemas and into paths are inlined, not printed as indexed types", () => {
    const schema = readFileSync(join(root, "deep-refs", "generated", "schema.ts"), "utf8");
    expect(schema).not.toMatch(/\["items"\]|\["schema"\]|\["additionalProperties"\]|\["oneOf"\]/);
  });

  it("a ref through a top-level key that is not an identifier leaves no trace of it in the code", () => {
    expect(readFileSync(join(root, "top-level-key", "generated", "schema.ts"), "utf8")).not.toContain("writeFileSync");
  });

  it("a ref into the middle of a recursive schema makes that schema a component (a free name), and every ref names it", () => {
    const schema = readFileSync(join(root, "ref-into-recursive", "generated", "schema.ts"), "utf8");
    const hoisted = 'components["schemas"]["PushOption_definitions_pushOptionProperty_2"]';
    expect(schema).toContain('PushOption_definitions_pushOptionProperty: "taken";');
    expect(schema).toMatch(/ {8}PushOption_definitions_pushOptionProperty_2: \{\n {12}displayName: string;/);
    // From PushOption and from inside itself: a reference, never a copy.
    expect(schema.split(`[key: string]: ${hoisted};`)).toHaveLength(3);
    expect(schema).toContain(
      "export type PushOptionDefinitionsPushOptionProperty2 = components['schemas']['PushOption_definitions_pushOptionProperty_2'];",
    );
    expect(readFileSync(join(root, "deep-ref-loop", "generated", "schema.ts"), "utf8")).toContain(
      'tree?: components["schemas"]["Folder_properties_tree"];',
    );
  });

  it("a schema that is an array of itself (through oneOf) compiles through an interface", () => {
    expect(readFileSync(join(root, "recursive-ok", "generated", "schema.ts"), "utf8")).toContain(
      'export interface Tree_Array extends Array<components["schemas"]["Tree"]>',
    );
  });
});
