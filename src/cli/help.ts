/**
 * `--help` text for the whole CLI, one resource, or one command, built from
 * the command data: summaries, descriptions, flags with their types, allowed
 * values, ranges and defaults.
 */
import type { PageSpec } from "../paginate/types.js";
import type { CommandSpec, FlagSpec } from "./command-spec.js";
import { range } from "./flag-value.js";
import { GLOBAL_FLAGS } from "./global-flags.js";
import { globalFlagNames } from "./parse-command.js";
import { pad, safeText, width, wrap } from "./terminal-text.js";

export const PROGRAM = "telnyx";

const ENVIRONMENT = ["Environment:", "  TELNYX_API_KEY    API key, when --api-key is not given", "  TELNYX_BASE_URL   API base URL, when --base-url is not given"];

export function rootHelp(commands: readonly CommandSpec[], columns: number): string {
  const resources = groupByResource(commands);
  const rows = [...resources].map(([resource, list]) => [resource, list.map((c) => c.action).join(", ")] as const);
  return [
    `Usage: ${PROGRAM} <resource> <action> [flags]`,
    "",
    "Resources and their actions:",
    ...table(rows, columns),
    "",
    `Run '${PROGRAM} <resource> <action> --help' for a command's flags.`,
    "",
    ...ENVIRONMENT,
    "",
  ].join("\n");
}

export function resourceHelp(resource: string, commands: readonly CommandSpec[], columns: number): string {
  const rows = commands.map((c) => [c.action, c.summary ?? `${c.method.toUpperCase()} ${c.path}`] as const);
  return [`Usage: ${PROGRAM} ${resource} <action> [flags]`, "", "Actions:", ...table(rows, columns), "", `Run '${PROGRAM} ${resource} <action> --help' for a command's flags.`, ""].join("\n");
}

export function commandHelp(command: CommandSpec, columns: number): string {
  const about = [command.summary, command.description].filter((t): t is string => t !== undefined && t !== "");
  const paging = command.paginate ? [pagingHelp(command, command.paginate)] : [`Calls ${command.method.toUpperCase()} ${command.path}.`];
  const own = command.flags.map((f) => [`--${f.flag} ${valueName(f)}`, flagHelp(f)] as const);
  const globals = globalFlagNames(command).map((name) => {
    const g = GLOBAL_FLAGS[name as keyof typeof GLOBAL_FLAGS];
    return [`--${name}${g.value ? ` ${g.value}` : ""}`, g.help] as const;
  });
  return [
    `Usage: ${PROGRAM} ${command.resource} ${command.action} [flags]`,
    "",
    ...[...about, ...paging].flatMap((t) => wrap(safeText(t), columns)),
    "",
    ...(own.length > 0 ? ["Flags:", ...table(own, columns), ""] : []),
    "Global flags:",
    ...table(globals, columns),
    "",
    ...ENVIRONMENT,
    "",
    "Exit codes: 0 ok, 1 API or network error, 2 bad usage.",
    "",
  ].join("\n");
}

/** How a `list` command pages, and the flags that start it mid-way. */
function pagingHelp(command: CommandSpec, spec: PageSpec): string {
  const how =
    spec.style === "page-number" ? `by ${spec.pageParam}` : spec.style === "offset" ? `by offset, ${spec.offsetParam}` : spec.style === "cursor" ? `by cursor, ${spec.cursorParam}` : "by following next links";
  const starts = command.flags.filter((f) => f.role !== undefined && f.role !== "size").map((f) => `--${f.flag}`);
  const start = starts.length > 0 ? `; ${starts.join(" or ")} starts mid-way` : "";
  return `Pages through ${command.method.toUpperCase()} ${command.path} automatically (${how}); --limit and --max-pages stop early${start}.`;
}

export function groupByResource(commands: readonly CommandSpec[]): Map<string, CommandSpec[]> {
  const out = new Map<string, CommandSpec[]>();
  for (const c of commands) out.set(c.resource, [...(out.get(c.resource) ?? []), c]);
  return out;
}

function valueName(flag: FlagSpec): string {
  if (flag.type === "boolean") return "";
  return flag.enum ? "<value>" : `<${flag.type}>`;
}

function flagHelp(flag: FlagSpec): string {
  const notes = [
    // The name the API knows it by, when the flag's differs (`page[size]`, or a flag renamed away from a clash).
    flag.param !== flag.flag ? `${flag.in} parameter ${flag.param}` : "",
    flag.required ? "required" : "",
    flag.enum ? `one of: ${flag.enum.map(String).join(", ")}` : "",
    range(flag) ? `allowed: ${range(flag)}` : "",
    flag.default !== undefined ? `default: ${String(flag.default)}` : "",
    flag.array ? "repeat the flag for several values" : "",
    flag.type === "boolean" ? `--no-${flag.flag} sends false` : "",
  ].filter(Boolean);
  const text = [flag.description, notes.length > 0 ? `(${notes.join("; ")})` : ""].filter(Boolean).join(" ");
  return text === "" ? `the ${flag.in} parameter ${flag.param}` : text;
}

/** Two columns: names padded to the widest, text wrapped to the terminal. */
function table(rows: readonly (readonly [string, string])[], columns: number): string[] {
  const left = Math.min(32, Math.max(0, ...rows.map(([name]) => width(name))));
  const textWidth = Math.max(24, columns - left - 4);
  return rows.flatMap(([name, text]) => {
    const lines = wrap(safeText(text), textWidth);
    const first = width(name) > left ? [`  ${name}`, ...lines.map((l) => `  ${" ".repeat(left)}  ${l}`)] : [`  ${pad(name, left)}  ${lines[0] ?? ""}`, ...lines.slice(1).map((l) => `  ${" ".repeat(left)}  ${l}`)];
    return first.map((l) => l.trimEnd());
  });
}
