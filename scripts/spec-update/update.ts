/**
 * The spec:update command (see scripts/spec-update.ts): fetch, check by
 * loading, replace atomically, regenerate with the change summary against
 * the replaced spec. Exit codes as `npm run generate`: 0, or 2 for bad input.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { MainIo } from "../cli.js";
import { GenerateError } from "../errors.js";
import { DEFAULT_SPEC } from "../options.js";
import { maxSizeBytes, parseCommandLine } from "../option-values.js";
import { shownPath } from "../paths.js";
import { loadSpec } from "../spec/load.js";
import { fetchSpecText, PUBLISHED_SPEC_URL } from "./fetch-spec.js";

export const USAGE = `Usage: npm run spec:update -- [options]

  --from <file|url>  where the new spec comes from (default Telnyx's published
                     spec, ${PUBLISHED_SPEC_URL})
  --spec <file>      the spec to replace (default ${DEFAULT_SPEC})
  --max-size <MB>    refuse a larger spec
  --help             this text

Then \`npm run generate\` runs, and ends with the API change summary against
the spec that was replaced. Review the diff of spec/ and generated/, commit both.`;

export async function updateSpec(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const { stdout = process.stdout, stderr = process.stderr, cwd = process.cwd() } = io;
  let scratch: string | undefined;
  try {
    const values = parseCommandLine(
      argv,
      {
        from: { type: "string" },
        spec: { type: "string" },
        "max-size": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      "npm run spec:update",
    );
    if (values.help) {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    const maxBytes = maxSizeBytes(values["max-size"]);
    const spec = resolve(cwd, values.spec ?? DEFAULT_SPEC);
    const from = values.from ?? PUBLISHED_SPEC_URL;
    const text = await fetchSpecText(from, maxBytes, cwd);
    // Staged beside the spec, so that the rename is atomic and refs resolve as they will there.
    const staged = join(dirname(spec), `.${basename(spec)}.update-${process.pid}.tmp`);
    try {
      writeFileSync(staged, text, { flag: "wx" });
      const loaded = loadSpec(staged, { maxBytes, cwd });
      stdout.write(
        `spec:update: ${from} is OpenAPI ${loaded.version} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)\n`,
      );
      if (existsSync(spec)) {
        scratch = mkdtempSync(join(tmpdir(), "spec-update-"));
        copyFileSync(spec, join(scratch, basename(spec)));
      }
      renameSync(staged, spec);
    } catch (error) {
      rmSync(staged, { force: true });
      // The staged file is gone: its problems are named on what was fetched.
      const place =
        error instanceof GenerateError && error.place.file === shownPath(cwd, staged)
          ? { ...error.place, file: from }
          : (error as GenerateError).place;
      if (error instanceof GenerateError)
        throw new GenerateError(`the new spec was not taken: ${error.message}`, place, error.fix);
      throw error;
    }
    stdout.write(`spec:update: replaced ${shownPath(cwd, spec)}; generating\n`);
    const { main } = await import("../cli.js");
    const previous = scratch === undefined ? undefined : join(scratch, basename(spec));
    const code = await main(["--spec", spec], {
      stdout,
      stderr,
      cwd,
      summaryBase: previous === undefined ? undefined : { file: previous, label: "the previous spec" },
    });
    if (code !== 0)
      stderr.write(
        `spec:update: ${shownPath(cwd, spec)} is updated, generated/ is not: fix what generate says (new lint problems: review them, then \`npm run lint:baseline\`), then \`npm run generate\`\n`,
      );
    return code;
  } catch (error) {
    if (error instanceof GenerateError) {
      stderr.write(`error: ${error.format()}\n`);
      return 2;
    }
    stderr.write(`error: unexpected failure (a bug: please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}
