/**
 * What the generator's command lines share (`npm run generate`,
 * `npm run api-diff`): parseArgs in strict mode with its failures as
 * GenerateErrors (exit 2), and the checks of values both take.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { GenerateError } from "./errors.js";

export const DEFAULT_MAX_MB = 20;

/** `argv` parsed against `options` (no positionals); a bad argument names the command's `--help`. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: readonly string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw new GenerateError((error as Error).message, {}, `run \`${command} -- --help\` for the options`);
  }
}

/** `--flag`'s value when it is one of `allowed`, else a GenerateError listing them. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new GenerateError(`--${flag} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** `--max-size <MB>` in bytes (default DEFAULT_MAX_MB): a positive number of megabytes. */
export function maxSizeBytes(value: string | undefined): number {
  const mb = value === undefined ? DEFAULT_MAX_MB : Number(value);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new GenerateError(`--max-size must be a positive number of megabytes, got ${JSON.stringify(value)}`);
  return Math.floor(mb * 1024 * 1024);
}
