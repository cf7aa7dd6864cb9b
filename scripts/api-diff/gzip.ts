/**
 * A gzipped spec (`spec3.yml.gz`, as Telnyx's history is kept) given to
 * `--spec` or `--base-spec`: decompressed, within the same size limit as any
 * spec (the limit applies to the decompressed text, so a small archive cannot
 * expand past it), into a temporary folder named after it without `.gz`, and
 * loaded from there like any spec. The report names its locations by the `.gz`
 * file. A gzipped spec is one file: refs to files beside it are not followed
 * (the temporary folder holds nothing else, and the ref policy refuses them).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { GenerateError } from "../errors.js";
import { shownPath } from "../paths.js";
import type { LoadOptions, SpecSide } from "./sides.js";

export function isGzipped(specPath: string): boolean {
  return /\.gz$/i.test(specPath);
}

export async function loadGzipped(
  specPath: string,
  options: LoadOptions,
  label: string,
  load: (path: string, options: LoadOptions, label: string) => Promise<SpecSide>,
): Promise<SpecSide> {
  const shown = shownPath(options.cwd, specPath);
  let text: Buffer;
  try {
    text = gunzipSync(readFileSync(specPath), { maxOutputLength: options.maxBytes + 1 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new GenerateError(
        `cannot read the spec: no such file (ENOENT)`,
        { file: shown },
        "check the path (--spec <file>)",
      );
    if (error instanceof RangeError || code === "ERR_BUFFER_TOO_LARGE")
      throw new GenerateError(
        `the spec is larger than ${options.maxBytes} bytes once decompressed`,
        { file: shown },
        "pass a larger --max-size <MB> if the spec is trusted",
      );
    throw new GenerateError(
      `cannot decompress the spec: ${(error as Error).message}`,
      { file: shown },
      "pass a gzip file (.gz), or the spec itself",
    );
  }
  if (text.length > options.maxBytes)
    throw new GenerateError(
      `the spec is larger than ${options.maxBytes} bytes once decompressed`,
      { file: shown },
      "pass a larger --max-size <MB> if the spec is trusted",
    );
  const dir = mkdtempSync(join(tmpdir(), "api-diff-gz-"));
  try {
    const file = join(dir, basename(specPath).replace(/\.gz$/i, ""));
    writeFileSync(file, text);
    const side = await load(file, options, label);
    return { ...side, shownFile: (f) => (f === file ? shown : shownPath(options.cwd, f)) };
  } catch (error) {
    if (error instanceof GenerateError && error.place.file !== undefined)
      throw new GenerateError(error.message, { ...error.place, file: shown }, error.fix);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
