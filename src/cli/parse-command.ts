/**
 * A command's argv -> checked values, with `node:util` parseArgs in strict
 * mode. The options come from the command's data (its flags, plus the global
 * flags that apply to it); each value is checked by flagValue.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CommandSpec, FlagSpec } from "./command-spec.js";
import { countValue, flagValue } from "./flag-value.js";
import { FORMATS, type Format } from "./global-flags.js";
import { didYouMean } from "./suggest.js";
import { UsageError } from "./usage-error.js";

export interface ParsedCommand {
  help: boolean;
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  /** From the flags the paginator owns (their `role`): where to start, and the page size. */
  startPage?: number;
  startOffset?: number;
  startCursor?: string;
  pageSize?: number;
  apiKey?: string;
  baseUrl?: string;
  format?: Format;
  limit?: number;
  maxPages?: number;
  data?: string;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The global flags a command takes: `--limit`/`--max-pages` only when it pages, `--data` only when it has a body. */
export function globalFlagNames(command: CommandSpec): string[] {
  return ["api-key", "base-url", "format", ...(command.paginate ? ["limit", "max-pages"] : []), ...(command.body ? ["data"] : []), "help"];
}

export function parseCommand(command: CommandSpec, argv: readonly string[], helpFor: string): ParsedCommand {
  const options: Options = {};
  for (const name of globalFlagNames(command)) options[name] = name === "help" ? { type: "boolean", short: "h" } : { type: "string" };
  for (const flag of command.flags) {
    options[flag.flag] = { type: flag.type === "boolean" ? "boolean" : "string", ...(flag.array && { multiple: true }) };
    if (flag.type === "boolean" && !(`no-${flag.flag}` in options)) options[`no-${flag.flag}`] = { type: "boolean" };
  }
  const args = joinDashValues(argv, options);
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw parseFailure(error, args, options, helpFor);
  }
  const parsed: ParsedCommand = { help: values.help === true, query: {}, path: {} };
  if (parsed.help) return parsed;
  const one = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : undefined;
  };
  parsed.apiKey = one("api-key");
  parsed.baseUrl = one("base-url");
  parsed.data = one("data");
  const format = one("format");
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: invalid value ${JSON.stringify(format)}; allowed values: ${FORMATS.join(", ")}`, helpFor);
    parsed.format = format as Format;
  }
  const limit = one("limit");
  if (limit !== undefined) parsed.limit = countValue("limit", limit, helpFor);
  const maxPages = one("max-pages");
  if (maxPages !== undefined) parsed.maxPages = countValue("max-pages", maxPages, helpFor);
  for (const flag of command.flags) applyFlag(flag, values, parsed, helpFor);
  if (command.body?.required && parsed.data === undefined) throw new UsageError("missing required flag --data (the request body: JSON text, @file or -)", helpFor);
  return parsed;
}

function applyFlag(flag: FlagSpec, values: Record<string, unknown>, parsed: ParsedCommand, helpFor: string): void {
  let raw = values[flag.flag];
  if (flag.type === "boolean" && values[`no-${flag.flag}`] === true) raw = false;
  if (raw === undefined) {
    if (flag.required) throw new UsageError(`missing required flag --${flag.flag}${flag.enum ? ` (allowed values: ${flag.enum.map(String).join(", ")})` : ""}`, helpFor);
    return;
  }
  const check = (v: unknown) => (typeof v === "boolean" ? v : flagValue(flag, String(v), helpFor));
  const value = Array.isArray(raw) ? raw.map(check) : check(raw);
  if (flag.role === "page") parsed.startPage = value as number;
  else if (flag.role === "size") parsed.pageSize = value as number;
  else if (flag.role === "offset") parsed.startOffset = value as number;
  else if (flag.role === "cursor") {
    if (value === "") throw new UsageError(`--${flag.flag}: expected a cursor to start from, got ""`, helpFor);
    parsed.startCursor = String(value);
  } else (flag.in === "path" ? parsed.path : parsed.query)[flag.param] = value;
}

/**
 * `--sort -name` -> `--sort=-name`: parseArgs refuses a value that starts
 * with a dash after a flag that takes one, but the spec's values do (`-name`
 * sorts descending). Only when the dash word is not itself a known flag.
 */
function joinDashValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && next.startsWith("-") && next !== "--" && !isKnownFlag(next, options)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function isKnownFlag(arg: string, options: Options): boolean {
  if (arg.startsWith("--")) return arg.slice(2).split("=")[0]! in options;
  return Object.values(options).some((o) => o.short !== undefined && arg === `-${o.short}`);
}

/**
 * A parseArgs failure, told apart by its `code` (its messages are not a
 * stable API); the flag or argument at fault comes from the tokens of a
 * lenient parse of the same arguments.
 */
function parseFailure(error: unknown, args: string[], options: Options, helpFor: string): UsageError {
  const code = (error as { code?: unknown }).code;
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const known = (name: string) => Object.hasOwn(options, name);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const token = tokens.find((t) => t.kind === "option" && !known(t.name));
    if (token?.kind === "option") return new UsageError(`unknown flag ${token.rawName}${didYouMean(token.name, Object.keys(options), "--")}`, helpFor);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const token = tokens.find((t) => t.kind === "positional");
    const arg = token?.kind === "positional" ? ` ${JSON.stringify(token.value)}` : "";
    return new UsageError(`unexpected argument${arg}: values go after their flag (--name value)`, helpFor);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    for (const token of tokens) {
      if (token.kind !== "option" || !known(token.name)) continue;
      if (options[token.name]!.type === "string" && token.value === undefined) return new UsageError(`${token.rawName} needs a value`, helpFor);
      if (options[token.name]!.type === "boolean" && token.inlineValue) return new UsageError(`${token.rawName} does not take a value`, helpFor);
    }
  }
  return new UsageError(error instanceof Error ? error.message.split("\n")[0]! : String(error), helpFor);
}
