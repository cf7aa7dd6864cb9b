/**
 * A command's argv -> checked values, with `node:util` parseArgs in strict
 * mode. The options come from the command's data (its flags, plus the global
 * flags that apply to it); each value is checked by flagValue.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { startOptionOfRole } from "../paginate/page-styles.js";
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
  /** Values of the body flags, by property name. */
  body: Record<string, unknown>;
  /** `--file field=@path`, in order. */
  files: { field: string; path: string }[];
  timeoutMs?: number;
  maxRetries?: number;
  dryRun: boolean;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The global flags a command takes: `--limit`/`--max-pages` only when it pages, `--data` only when it has a body, `--file` only for file fields. */
export function globalFlagNames(command: CommandSpec): string[] {
  return [
    "api-key",
    "base-url",
    "format",
    ...(command.paginate ? ["limit", "max-pages"] : []),
    ...(command.body ? ["data"] : []),
    ...(command.body?.files?.length ? ["file"] : []),
    "timeout",
    "max-retries",
    "dry-run",
    "help",
  ];
}

export function parseCommand(command: CommandSpec, argv: readonly string[], helpFor: string): ParsedCommand {
  const options: Options = {};
  for (const name of globalFlagNames(command)) {
    options[name] =
      name === "help"
        ? { type: "boolean", short: "h" }
        : name === "dry-run"
          ? { type: "boolean" }
          : { type: "string", ...(name === "file" && { multiple: true }) };
  }
  for (const flag of command.flags) {
    options[flag.flag] = {
      type: flag.type === "boolean" ? "boolean" : "string",
      ...(flag.array && { multiple: true }),
    };
    if (flag.type === "boolean" && !(`no-${flag.flag}` in options)) options[`no-${flag.flag}`] = { type: "boolean" };
  }
  const args = joinDashValues(argv, options);
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw parseFailure(error, args, options, helpFor);
  }
  const parsed: ParsedCommand = {
    help: values.help === true,
    query: {},
    path: {},
    body: {},
    files: [],
    dryRun: values["dry-run"] === true,
  };
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
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(
        `--format: invalid value ${JSON.stringify(format)}; allowed values: ${FORMATS.join(", ")}`,
        helpFor,
      );
    parsed.format = format as Format;
  }
  const limit = one("limit");
  if (limit !== undefined) parsed.limit = countValue("limit", limit, helpFor);
  const maxPages = one("max-pages");
  if (maxPages !== undefined) parsed.maxPages = countValue("max-pages", maxPages, helpFor);
  const timeout = one("timeout");
  if (timeout !== undefined) parsed.timeoutMs = secondsValue("timeout", timeout, helpFor);
  const maxRetries = one("max-retries");
  if (maxRetries !== undefined) parsed.maxRetries = wholeValue("max-retries", maxRetries, 100, helpFor);
  const files = values.file;
  if (Array.isArray(files)) parsed.files = files.map((f) => fileArgument(command, String(f), helpFor));
  for (const flag of command.flags) applyFlag(flag, values, parsed, helpFor);
  const bodyGiven = parsed.data !== undefined || Object.keys(parsed.body).length > 0 || parsed.files.length > 0;
  if (command.body?.required && !bodyGiven)
    throw new UsageError("missing the request body: give its flags, or --data (JSON text, @file.json or -)", helpFor);
  return parsed;
}

/** `--file field=@path` (the `@` may be left out): the field must be one of the command's file fields. */
function fileArgument(command: CommandSpec, raw: string, helpFor: string): { field: string; path: string } {
  const fields = command.body?.files?.map((f) => f.field) ?? [];
  const at = raw.indexOf("=");
  if (at <= 0 || at === raw.length - 1)
    throw new UsageError(
      `--file ${JSON.stringify(raw)}: expected <field>=@<path>; fields: ${fields.join(", ")}`,
      helpFor,
    );
  const field = raw.slice(0, at);
  const path = raw.slice(at + 1).replace(/^@/, "");
  if (!fields.includes(field))
    throw new UsageError(
      `--file: no file field ${JSON.stringify(field)}${didYouMean(field, fields)}; fields: ${fields.join(", ")}`,
      helpFor,
    );
  if (path === "") throw new UsageError(`--file ${field}=: expected a path after the @`, helpFor);
  return { field, path };
}

/** `--timeout 2.5` -> 2500 ms: a positive number of seconds. */
function secondsValue(name: string, raw: string, helpFor: string): number {
  const seconds = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(seconds) || seconds <= 0 || seconds * 1000 > 2_147_483_647)
    throw new UsageError(`--${name}: expected a positive number of seconds, got ${JSON.stringify(raw)}`, helpFor);
  return Math.max(1, Math.round(seconds * 1000));
}

function wholeValue(name: string, raw: string, max: number, helpFor: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > max)
    throw new UsageError(`--${name}: expected a whole number from 0 to ${max}, got ${JSON.stringify(raw)}`, helpFor);
  return Number(raw);
}

function applyFlag(flag: FlagSpec, values: Record<string, unknown>, parsed: ParsedCommand, helpFor: string): void {
  let raw = values[flag.flag];
  if (flag.type === "boolean" && values[`no-${flag.flag}`] === true) raw = false;
  if (raw === undefined) {
    // A required body property may come from --data instead: checked when the body is built (request-body.ts).
    if (flag.required && flag.in !== "body")
      throw new UsageError(
        `missing required flag --${flag.flag}${flag.enum ? ` (allowed values: ${flag.enum.map(String).join(", ")})` : ""}`,
        helpFor,
      );
    return;
  }
  const check = (v: unknown) => (typeof v === "boolean" ? v : flagValue(flag, String(v), helpFor));
  const checked = Array.isArray(raw) ? raw.map(check) : check(raw);
  const value = Array.isArray(checked) && flag.explode === false ? checked.join(",") : checked;
  const start = flag.role === undefined ? undefined : startOptionOfRole(flag.role);
  if (flag.role === "size") parsed.pageSize = value as number;
  else if (start === "startCursor") {
    if (value === "") throw new UsageError(`--${flag.flag}: expected a cursor to start from, got ""`, helpFor);
    parsed.startCursor = String(value);
  } else if (start !== undefined) parsed[start] = value as number;
  else (flag.in === "path" ? parsed.path : flag.in === "body" ? parsed.body : parsed.query)[flag.param] = value;
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
    if (
      name !== undefined &&
      options[name]?.type === "string" &&
      next?.startsWith("-") &&
      next !== "--" &&
      !isKnownFlag(next, options)
    ) {
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
    if (token?.kind === "option")
      return new UsageError(
        `unknown flag ${token.rawName}${didYouMean(token.name, Object.keys(options), "--")}`,
        helpFor,
      );
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const token = tokens.find((t) => t.kind === "positional");
    const arg = token?.kind === "positional" ? ` ${JSON.stringify(token.value)}` : "";
    return new UsageError(`unexpected argument${arg}: values go after their flag (--name value)`, helpFor);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    for (const token of tokens) {
      if (token.kind !== "option" || !known(token.name)) continue;
      if (options[token.name]!.type === "string" && token.value === undefined)
        return new UsageError(`${token.rawName} needs a value`, helpFor);
      if (options[token.name]!.type === "boolean" && token.inlineValue)
        return new UsageError(`${token.rawName} does not take a value`, helpFor);
    }
  }
  return new UsageError(error instanceof Error ? error.message.split("\n")[0]! : String(error), helpFor);
}
