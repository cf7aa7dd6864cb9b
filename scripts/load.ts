/**
 * Step 1, load: read the spec and every file it refers to, safely.
 * Size limit before reading, safe parsing (parse-spec.ts), OpenAPI 3.x check,
 * the ref policy (ref-policy.ts) and a check that every ref resolves and no
 * ref only points at another ref in a loop. Pure data out: nothing else reads disk.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, relative } from "node:path";
import { GenerateError, pointerOf } from "./errors.js";
import { parseSpecText } from "./parse-spec.js";
import { classifyRef } from "./ref-policy.js";
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
  maxBytes: number;
  cwd: string;
}

export function loadSpec(specPath: string, options: LoadOptions): LoadedSpec {
  const show = (path: string) => relative(options.cwd, path) || path;
  const root = readSpecFile(specPath, options.maxBytes, show(specPath));
  const version = checkOpenApi(root.parsed, show(specPath));
  const rootDir = realpathSync(dirname(root.path));
  const files = new Map<string, SpecFile>([[root.path, root]]);
  const refs: FoundRef[] = [];
  const queue: SpecFile[] = [root];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const found of findRefs(file.parsed)) {
      const place = { file: show(file.path), pointer: pointerOf(found.tokens) };
      const target = classifyRef(found.ref, file.path, rootDir, place);
      refs.push({ from: file.path, place, target });
      if (target.kind === "file" && !files.has(target.file)) {
        const loaded = readSpecFile(target.file, options.maxBytes, show(target.file), place);
        const real = realpathSync(target.file);
        if (relative(rootDir, real).startsWith("..")) {
          throw new GenerateError(`$ref ${JSON.stringify(found.ref)} is refused: it resolves (through a link) outside the spec's folder`, place);
        }
        files.set(target.file, loaded);
        queue.push(loaded);
      }
    }
  }
  checkRefs(refs, files);
  return { root, files, rootDir, version };
}

function readSpecFile(path: string, maxBytes: number, shown: string, referencedFrom?: object): SpecFile {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new GenerateError("not a file", { file: shown }, "pass the path of a .yaml or .json spec with --spec");
    size = stat.size;
  } catch (error) {
    if (error instanceof GenerateError) throw error;
    const via = referencedFrom ? " (referenced by a $ref)" : "";
    throw new GenerateError(`cannot read the spec${via}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: shown, ...referencedFrom }, "check the path (--spec <file>)");
  }
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new GenerateError(`the file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit`, { file: shown }, `raise the limit with --max-size <MB> if the file is trusted`);
  }
  const text = readFileSync(path, "utf8");
  return { path, text, parsed: parseSpecText(text, shown) };
}

function checkOpenApi(parsed: unknown, shown: string): string {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new GenerateError("the document is not an object, so not an OpenAPI spec", { file: shown }, "pass an OpenAPI 3.x document (YAML or JSON)");
  }
  const doc = parsed as Record<string, unknown>;
  if ("swagger" in doc) {
    throw new GenerateError(`Swagger ${String(doc.swagger)} is not supported`, { file: shown, pointer: "#/swagger" }, "convert it to OpenAPI 3.x first (e.g. with swagger2openapi)");
  }
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?$/.test(version)) {
    throw new GenerateError(
      version === undefined ? "not an OpenAPI document: it has no `openapi` field" : `unsupported OpenAPI version ${JSON.stringify(version)}`,
      { file: shown, pointer: "#/openapi" },
      "pass an OpenAPI 3.x document (`openapi: 3.0.x` or `3.1.x`)",
    );
  }
  if (doc.paths === null || typeof doc.paths !== "object" || Array.isArray(doc.paths)) {
    throw new GenerateError("the spec has no `paths` object", { file: shown, pointer: "#/paths" }, "add the API's paths (`paths: {}` for none)");
  }
  return version;
}

/** Every `$ref` string in a parsed document, with its JSON-pointer tokens. */
export function* findRefs(node: unknown, tokens: (string | number)[] = []): Generator<{ ref: string; tokens: (string | number)[] }> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* findRefs(node[i], [...tokens, i]);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") yield { ref: value, tokens: [...tokens, key] };
    else if (typeof value === "object") yield* findRefs(value, [...tokens, key]);
  }
}
