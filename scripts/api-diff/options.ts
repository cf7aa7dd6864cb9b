/**
 * `npm run api-diff` arguments -> options, resolved once with explicit
 * defaults; a bad argument is a GenerateError (exit 2).
 */
import { resolve } from "node:path";
import { GenerateError } from "../errors.js";
import { DEFAULT_MAX_MB, maxSizeBytes, oneOf, parseCommandLine } from "../option-values.js";
import { DEFAULT_SPEC } from "../options.js";
import type { Verdict } from "./change.js";

export type Format = "text" | "markdown" | "json";

export type Base = { ref: string } | { file: string };

export interface DiffOptions {
  base: Base;
  /** Absolute path of the head spec. */
  spec: string;
  format: Format;
  /** Exit 1 when a change is this severe or worse. */
  failOn: Exclude<Verdict, "safe"> | undefined;
  /** Largest spec file accepted, in bytes (the generator's limit). */
  maxBytes: number;
  cwd: string;
  help: boolean;
}

export const DEFAULT_BASE_REF = "HEAD";

export const USAGE = `Usage: npm run api-diff -- [options]

What changed between two versions of the spec, and what it breaks for code
using this package (rules: README, "API changes").

  --base <ref>          base: the spec at this git ref (default ${DEFAULT_BASE_REF})
  --base-spec <file>    base: this spec file instead of a git ref
  --spec <file>         head: this spec (default ${DEFAULT_SPEC}, as it is now)
  --format <format>     text (default), markdown (a pull-request comment) or json
  --fail-on <verdict>   exit 1 when a change is breaking, or breaking or review
  --max-size <MB>       refuse spec files larger than this (default ${DEFAULT_MAX_MB})
  --help                this text

Exit codes: 0 compared (1 with --fail-on when it applies), 2 bad input.`;

const FORMATS: readonly Format[] = ["text", "markdown", "json"];
const FAIL_ON = ["breaking", "review"] as const;

export function parseDiffOptions(argv: readonly string[], cwd: string = process.cwd()): DiffOptions {
  const values = parseCommandLine(
    argv,
    {
      base: { type: "string" },
      "base-spec": { type: "string" },
      spec: { type: "string" },
      format: { type: "string", default: "text" },
      "fail-on": { type: "string" },
      "max-size": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    "npm run api-diff",
  );
  const format = oneOf("format", values.format, FORMATS);
  const failOn = values["fail-on"] === undefined ? undefined : oneOf("fail-on", values["fail-on"], FAIL_ON);
  if (values.base !== undefined && values["base-spec"] !== undefined) {
    throw new GenerateError(
      "--base and --base-spec cannot be used together",
      {},
      "pass a git ref (--base) or a file (--base-spec), not both",
    );
  }
  if (values.base !== undefined && values.base.trim() === "")
    throw new GenerateError("--base needs a git ref (a branch, tag or commit)");
  const base: Base =
    values["base-spec"] !== undefined
      ? { file: resolve(cwd, values["base-spec"]) }
      : { ref: values.base ?? DEFAULT_BASE_REF };
  return {
    base,
    spec: resolve(cwd, values.spec ?? DEFAULT_SPEC),
    format,
    failOn,
    maxBytes: maxSizeBytes(values["max-size"]),
    cwd,
    help: values.help,
  };
}
