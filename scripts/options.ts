/**
 * Command-line arguments -> the options every step reads. Resolved once, with
 * explicit defaults; a bad argument is a GenerateError (exit 2).
 */
import { resolve } from "node:path";
import { GenerateError } from "./errors.js";
import { DEFAULT_MAX_MB, maxSizeBytes, oneOf, parseCommandLine } from "./option-values.js";

export { DEFAULT_MAX_MB } from "./option-values.js";

export type LintMode = "error" | "warn" | "off";

export interface Options {
  /** Absolute path of the root spec file. */
  spec: string;
  /** Absolute path of the output folder. */
  out: string;
  /** Compare with `out` instead of writing it. */
  check: boolean;
  lint: LintMode;
  /** Print only errors (no step lines, no warnings). */
  quiet: boolean;
  verbose: boolean;
  /** Lint problems printed at most; the rest are counted per rule. */
  maxProblems: number;
  /** Largest spec file accepted, in bytes. */
  maxBytes: number;
  /** The pagination config file given with --pagination (absolute); else pagination.yaml beside the spec, if there is one. */
  pagination: string | undefined;
  /** Working directory: paths in messages are shown relative to it. */
  cwd: string;
  help: boolean;
}

export const DEFAULT_SPEC = "spec/spec3.yml";
export const DEFAULT_OUT = "generated";
export const DEFAULT_MAX_PROBLEMS = 100;

export const USAGE = `Usage: npm run generate -- [options]

  --spec <file>      spec to read (default ${DEFAULT_SPEC})
  --out <dir>        output folder (default ${DEFAULT_OUT})
  --check            regenerate in memory and compare with --out; writes nothing
                     (exit 0 clean, 1 drift, 2 bad input)
  --lint <mode>      error (default): lint errors stop generation;
                     warn: print them and go on; off: skip lint
  --pagination <file>
                     paging rules outside the spec (default: pagination.yaml
                     beside the spec, when there is one)
  --max-problems <N> print at most N lint problems, then counts per rule
                     (default ${DEFAULT_MAX_PROBLEMS})
  --max-size <MB>    refuse spec files larger than this (default ${DEFAULT_MAX_MB})
  --quiet            print only errors
  --verbose          also list each paginator, and each list-like GET that gets
                     none, with the reason
  --help             this text`;

const LINT_MODES: readonly LintMode[] = ["error", "warn", "off"];

export function parseOptions(argv: readonly string[], cwd: string = process.cwd()): Options {
  const values = parseCommandLine(
    argv,
    {
      spec: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      lint: { type: "string", default: "error" },
      "max-size": { type: "string" },
      pagination: { type: "string" },
      "max-problems": { type: "string" },
      quiet: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    "npm run generate",
  );
  const lint = oneOf("lint", values.lint, LINT_MODES);
  const maxBytes = maxSizeBytes(values["max-size"]);
  let maxProblems = DEFAULT_MAX_PROBLEMS;
  if (values["max-problems"] !== undefined) {
    maxProblems = Number(values["max-problems"]);
    if (!/^\d+$/.test(values["max-problems"])) {
      throw new GenerateError(
        `--max-problems must be a whole number (0 or more), got ${JSON.stringify(values["max-problems"])}`,
      );
    }
  }
  if (values.quiet && values.verbose) throw new GenerateError("--quiet and --verbose cannot be used together");
  return {
    spec: resolve(cwd, values.spec ?? DEFAULT_SPEC),
    out: resolve(cwd, values.out ?? DEFAULT_OUT),
    check: values.check,
    lint,
    quiet: values.quiet,
    verbose: values.verbose,
    maxBytes,
    pagination: values.pagination === undefined ? undefined : resolve(cwd, values.pagination),
    maxProblems,
    cwd,
    help: values.help,
  };
}
