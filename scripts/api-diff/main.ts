/**
 * The api-diff command line (scripts/api-diff.ts runs it): parses the
 * arguments, loads both specs, runs the comparison, prints it and returns the
 * exit code: 0 compared, 1 a change at or above --fail-on, 2 bad input.
 * It prints to the process's streams and reads paths from its working folder
 * unless given others (tests run it in theirs).
 */
import type { MainIo } from "../cli.js";
import { GenerateError } from "../errors.js";
import { formatJson } from "./format-json.js";
import { formatMarkdown } from "./format-markdown.js";
import { formatText } from "./format-text.js";
import { parseDiffOptions, USAGE, type DiffOptions } from "./options.js";
import { compareSpecs, type Report } from "./report.js";
import { loadBase, loadHead } from "./sides.js";

const FORMATTERS: Record<DiffOptions["format"], (report: Report) => string> = {
  text: formatText,
  markdown: formatMarkdown,
  json: formatJson,
};

export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const { stdout = process.stdout, stderr = process.stderr, cwd = process.cwd() } = io;
  try {
    const options = parseDiffOptions(argv, cwd);
    if (options.help) {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    const limits = { maxBytes: options.maxBytes, cwd: options.cwd };
    const [base, head] = await Promise.all([
      loadBase(options.base, options.spec, limits),
      loadHead(options.spec, limits),
    ]);
    const report = compareSpecs(base, head, options.cwd);
    stdout.write(FORMATTERS[options.format](report));
    const failing =
      options.failOn === "breaking"
        ? report.counts.breaking
        : options.failOn === "review"
          ? report.counts.breaking + report.counts.review
          : 0;
    return failing > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof GenerateError) stderr.write(`error: ${error.format()}\n`);
    else stderr.write(`error: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
