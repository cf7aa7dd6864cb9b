/**
 * Step 1, load: read the spec and every file it refers to, safely, before any
 * other step sees it. Size limit before reading (per file and in total), safe
 * parsing (parse-spec.ts), the OpenAPI 3.x check, the ref policy
 * (ref-policy.ts) on every `$ref` and discriminator mapping anywhere in every
 * file, then a check that each one resolves and no ref only points at another
 * ref in a loop (ref-check.ts). Nothing after this step reads the disk.
 */
import { realpathSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { GenerateError, type Place } from "../errors.js";
import { pointerOf } from "./json-pointer.js";
import { isObject } from "./openapi-walk.js";
import { parseSpecText } from "./parse-spec.js";
import { readRegularFile, utf8Text } from "./read-file.js";
import { checkRealPath, classifyRef, isMappingRef } from "./ref-policy.js";
import { checkRefs, type FoundRef } from "./ref-check.js";

export interface SpecFile {
  /** Absolute path. */
  path: string;
  text: string;
  parsed: unknown;
}

export interface LoadedSpec {
  root: SpecFile;
  /** Every file of the spec by absolute path, the root included. */
  files: Map<string, SpecFile>;
  /** The spec's folder: refs may not leave it. */
  rootDir: string;
  /** `openapi` version string of the root document. */
  version: string;
}

export interface LoadOptions {
  /** Largest size of one file, and of all the spec's files together, in bytes. */
  maxBytes: number;
  cwd: string;
}

export function loadSpec(specPath: string, options: LoadOptions): LoadedSpec {
  const show = (path: string) => relative(options.cwd, path) || path;
  const rootPath = resolve(options.cwd, specPath);
  const rootDir = dirname(rootPath);
  const budget = { left: options.maxBytes, max: options.maxBytes };
  const root = readSpecFile(rootPath, budget, show(rootPath));
  const version = checkOpenApi(root.parsed, show(rootPath));
  const realRootDir = realpathSync(rootDir);
  const files = new Map<string, SpecFile>([[root.path, root]]);
  const refs: FoundRef[] = [];
  const queue: SpecFile[] = [root];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const found of findRefs(file.parsed)) {
      const place = { file: show(file.path), pointer: pointerOf(found.tokens) };
      const target = classifyRef(found.ref, file.path, rootDir, place);
      refs.push({ from: file.path, ref: found.ref, place, target });
      if (target.kind === "file" && !files.has(target.file)) {
        checkRealPath(target.file, realRootDir, found.ref, place);
        const loaded = readSpecFile(target.file, budget, show(target.file), place);
        files.set(target.file, loaded);
        queue.push(loaded);
      }
    }
  }
  checkRefs(refs, files, rootDir);
  return { root, files, rootDir, version };
}

function readSpecFile(
  path: string,
  budget: { left: number; max: number },
  shown: string,
  referencedFrom?: Place,
): SpecFile {
  const via = referencedFrom ? `, which a $ref names at ${referencedFrom.file} ${referencedFrom.pointer}` : "";
  const bytes = readRegularFile(path, Math.min(budget.max, budget.left), (problem) => {
    if (problem.kind === "not-a-file")
      return new GenerateError(`not a regular file${via}`, { file: shown }, "pass the path of a .yaml or .json spec");
    if (problem.kind === "too-large") return tooLarge(problem.size, budget, shown);
    return new GenerateError(
      `cannot read ${referencedFrom ? "this file" : "the spec"}${via}: ${problem.why}`,
      { file: shown },
      referencedFrom ? "fix the $ref, or add the file it names" : "check the path (--spec <file>)",
    );
  });
  budget.left -= bytes.length;
  const text = utf8Text(bytes);
  if (text === undefined)
    throw new GenerateError(
      "the file is not valid UTF-8 text",
      { file: shown },
      "save the spec as UTF-8 (YAML or JSON)",
    );
  return { path, text, parsed: parseSpecText(text, shown) };
}

function tooLarge(size: number, budget: { left: number; max: number }, shown: string): GenerateError {
  const mb = (n: number) =>
    n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
  const what =
    size > budget.max
      ? `the file is ${mb(size)}, over the ${mb(budget.max)} limit`
      : `the spec's files together are over the ${mb(budget.max)} limit`;
  return new GenerateError(what, { file: shown }, "raise the limit with --max-size <MB> if the spec is trusted");
}

function checkOpenApi(parsed: unknown, shown: string): string {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new GenerateError(
      "the document is not a mapping/object, so not an OpenAPI spec",
      { file: shown },
      "pass an OpenAPI 3.x document (YAML or JSON)",
    );
  }
  const doc = parsed as Record<string, unknown>;
  if (Object.hasOwn(doc, "swagger")) {
    throw new GenerateError(
      `this is a Swagger ${JSON.stringify(doc.swagger)} document, not OpenAPI 3.x`,
      { file: shown, pointer: "#/swagger" },
      "convert it to OpenAPI 3.x first (e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`)",
    );
  }
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.\d+\.\d+$|^3\.\d+$/.test(version)) {
    throw new GenerateError(
      version === undefined
        ? "not an OpenAPI document: it has no `openapi` field"
        : `unsupported OpenAPI version ${JSON.stringify(version)}`,
      { file: shown, pointer: "#/openapi" },
      "pass an OpenAPI 3.x document (`openapi: 3.0.x` or `3.1.x`)",
    );
  }
  if (doc.paths === null || typeof doc.paths !== "object" || Array.isArray(doc.paths)) {
    throw new GenerateError(
      "the spec has no `paths` object",
      { file: shown, pointer: "#/paths" },
      "add the API's paths (`paths: {}` for none)",
    );
  }
  return version;
}

export interface RefSite {
  ref: string;
  /** JSON-pointer tokens of the `$ref` (or of the mapping value). */
  tokens: (string | number)[];
}

/**
 * Every reference in a parsed document: `$ref` strings (anywhere: examples
 * and `x-` values too, since Redocly follows those) and discriminator
 * `mapping`/`defaultMapping` values that Redocly would load.
 */
export function findRefs(root: unknown): RefSite[] {
  const found: RefSite[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
      return;
    }
    const parentKey = path[path.length - 1];
    for (const [key, value] of Object.entries(node)) {
      path.push(key);
      if (key === "$ref" && typeof value === "string") {
        found.push({ ref: value, tokens: [...path] }); // not a string: a property named `$ref`, not a reference
      } else if (parentKey === "discriminator" && (key === "mapping" || key === "defaultMapping")) {
        for (const [name, target] of key === "mapping" && isObject(value)
          ? Object.entries(value)
          : [[undefined, value] as const]) {
          if (typeof target === "string" && isMappingRef(target))
            found.push({ ref: target, tokens: name === undefined ? [...path] : [...path, name] });
        }
      }
      if (typeof value === "object") visit(value);
      path.pop();
    }
  };
  visit(root);
  return found;
}
