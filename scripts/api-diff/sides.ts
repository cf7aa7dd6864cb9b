/**
 * The two specs to compare, each through the generator's own load step
 * (size limits, safe parsing, the ref policy) and bundle step: the base from
 * a git ref (its folder materialized by git-ref.ts) or a file, the head from
 * a file. Errors in the base name it as `<ref>:<path>`.
 */
import { relative, resolve } from "node:path";
import { shownPath, toPosix } from "../paths.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { prepareSpec } from "../spec/prepare.js";
import { loadSpec, type LoadedSpec } from "../spec/load.js";
import { GenerateError } from "../errors.js";
import { detectPaging, type PagingPlan } from "../pagination/index.js";
import { materializeSpecAt } from "./git-ref.js";
import { isGzipped, loadGzipped } from "./gzip.js";
import type { Base } from "./options.js";

export interface SpecSide {
  /** How messages name this side: `spec/spec3.yml`, or `HEAD:spec/spec3.yml`. */
  label: string;
  spec: LoadedSpec;
  /** The bundled document (refs only name components), as the generator's steps see it. */
  doc: OpenApiDocument;
  /** Which operations page and how, with the pagination config beside the spec, as `generate` finds it. */
  plan: PagingPlan;
  /** How the report names a file of this spec (a gzipped spec's files by the `.gz` file), when not by its path. */
  shownFile?: (file: string) => string;
}

export interface LoadOptions {
  maxBytes: number;
  cwd: string;
}

/** The head: a spec file as it is now. */
export async function loadHead(specPath: string, options: LoadOptions): Promise<SpecSide> {
  return loadSide(specPath, options, shownPath(options.cwd, specPath));
}

/** The base: the same spec at a git ref, or another file. Its errors say they are about the base. */
export async function loadBase(base: Base, headSpecPath: string, options: LoadOptions): Promise<SpecSide> {
  if ("file" in base)
    return loadSide(base.file, options, shownPath(options.cwd, base.file)).catch((error: unknown) =>
      Promise.reject(baseError(error)),
    );
  const copy = await materializeSpecAt(base.ref, headSpecPath);
  try {
    return await loadSide(copy.specFile, { ...options, cwd: copy.root }, copy.label);
  } catch (error) {
    throw baseError(error, { ref: base.ref, root: copy.root, label: copy.label });
  } finally {
    copy.remove();
  }
}

async function loadSide(specPath: string, options: LoadOptions, label: string): Promise<SpecSide> {
  if (isGzipped(specPath)) return loadGzipped(specPath, options, label, loadSide);
  const spec = loadSpec(specPath, options);
  const { doc, config } = await prepareSpec(spec, { spec: spec.root.path, cwd: options.cwd, specLabel: label });
  return { label, spec, doc, plan: detectPaging(doc, label, config) };
}

/**
 * A load error of the base, said to be one. From a copy materialized at a
 * git ref, files are named `<ref>:<path in the repository>` (the load step
 * names them relative to the copy, the bundle step relative to this process's folder).
 */
function baseError(error: unknown, copy?: { ref: string; root: string; label: string }): unknown {
  if (!(error instanceof GenerateError)) return error;
  let file = error.place.file;
  if (copy && file !== undefined) {
    const inCopy = [resolve(copy.root, file), resolve(file)]
      .map((path) => toPosix(relative(copy.root, path)))
      .find((path) => !path.startsWith(".."));
    file = inCopy === undefined ? copy.label : `${copy.ref}:${inCopy}`;
  }
  const fix = error.fix?.replace("--spec <file>", "--base-spec <file>");
  return new GenerateError(
    `${error.message} (in the base spec)`,
    { ...error.place, ...(file !== undefined && { file }) },
    fix,
  );
}
