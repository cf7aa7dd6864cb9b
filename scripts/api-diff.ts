/**
 * `npm run api-diff [-- options]`: what changed between two versions of the
 * spec (base: a git ref or a file; head: the working spec or a file), and
 * what it breaks for code using this package. Parses the arguments, loads
 * both specs, runs the comparison, prints it, sets the exit code:
 * 0 compared, 1 a change at or above --fail-on, 2 bad input.
 */
import { GenerateError } from "./errors.js";
import { formatJson } from "./api-diff/format-json.js";
import { formatMarkdown } from "./api-diff/format-markdown.js";
import { formatText } from "./api-diff/format-text.js";
import { parseDiffOptions, USAGE, type DiffOptions } from "./api-diff/options.js";
import { compareSpecs, type Report } from "./api-diff/report.js";
import { loadBase, loadHead } from "./api-diff/sides.js";

const FORMATTERS: Record<DiffOptions["format"], (report: Report) => string> = { text: formatText, markdown: formatMarkdown, json: formatJson };

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseDiffOptions(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const limits = { maxBytes: options.maxBytes, cwd: options.cwd };
    const [base, head] = await Promise.all([loadBase(options.base, options.spec, limits), loadHead(options.spec, limits)]);
    const report = compareSpecs(base, head, options.cwd);
    process.stdout.write(FORMATTERS[options.format](report));
    const failing = options.failOn === "breaking" ? report.counts.breaking : options.failOn === "review" ? report.counts.breaking + report.counts.review : 0;
    return failing > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof GenerateError) process.stderr.write(`error: ${error.format()}\n`);
    else process.stderr.write(`error: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
