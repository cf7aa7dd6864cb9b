/**
 * `--help` text for the whole CLI, one resource, or one command, built from
 * the command data: summaries, descriptions, flags with their types, allowed
 * values, ranges and defaults.
 */
import { describePaging, PAGE_STYLES } from "../paginate/page-styles.js";
import type { PageSpec } from "../paginate/types.js";
import type { CommandIndex, CommandSpec, FileFieldSpec, FlagSpec } from "./command-spec.js";
import { range } from "./flag-value.js";
import { GLOBAL_FLAGS } from "./global-flags.js";
import { globalFlagNames } from "./parse-command.js";
import { cut, oneLine, pad, safeText, width, wrap } from "./terminal-text.js";

export const PROGRAM = "telnyx";

const ENVIRONMENT_ROWS = [
  ["TELNYX_API_KEY", "API key, when --api-key is not given"],
  ["TELNYX_BASE_URL", "API base URL, when --base-url is not given"],
  [
    "TELNYX_LOG",
    "log lines on stderr: off (default), error, warn, info (retries), debug (every attempt); the API key is never logged",
  ],
] as const;

function environment(columns: number): string[] {
  return ["Environment:", ...table(ENVIRONMENT_ROWS, columns)];
}

/** A resource with more actions than this lists them grouped by verb, names only, to stay within a screenful. */
export const MAX_ACTION_ROWS = 18;

/** Each resource on one line: its actions, cut to the terminal's width with how many more there are. */
export function rootHelp(index: CommandIndex, columns: number): string {
  const left = Math.min(32, Math.max(0, ...index.map((r) => width(r.resource))));
  const room = Math.max(20, columns - left - 4);
  const rows = index.map((r) => `  ${pad(r.resource, left)}  ${actionList(r.actions, room)}`.trimEnd());
  return [
    `Usage: ${PROGRAM} <resource> <action> [flags]`,
    "",
    `Resources (${index.length}) and their actions:`,
    ...rows,
    "",
    `Run '${PROGRAM} <resource> --help' for a resource's actions, '${PROGRAM} <resource> <action> --help' for a command's flags.`,
    "",
    ...environment(columns),
    "",
  ].join("\n");
}

/** `list, get, create, … (+12 more)`, at most `room` columns (action names are ASCII: their length is their width). */
function actionList(actions: readonly string[], room: number): string {
  let used = 0;
  for (let i = 0; i < actions.length; i++) {
    const next = used + (i === 0 ? 0 : 2) + actions[i]!.length;
    const more = i + 1 < actions.length ? `, … (+${actions.length - i - 1} more)`.length : 0;
    if (next + more > room && i > 0) return `${actions.slice(0, i).join(", ")}, … (+${actions.length - i} more)`;
    used = next;
  }
  return actions.join(", ");
}

/**
 * One row per action with its summary; a resource with more than
 * MAX_ACTION_ROWS actions gets one row per verb (the action's first word)
 * with the action names, so that it stays near a screenful.
 */
export function resourceHelp(resource: string, commands: readonly CommandSpec[], columns: number): string {
  const head = [`Usage: ${PROGRAM} ${resource} <action> [flags]`, ""];
  const tail = ["", `Run '${PROGRAM} ${resource} <action> --help' for a command's summary and flags.`, ""];
  if (commands.length <= MAX_ACTION_ROWS) {
    // One line each: the summary cut to the width (the command's own help has it whole).
    const left = Math.min(32, Math.max(0, ...commands.map((c) => width(c.action))));
    const rows = commands.map(
      (c) =>
        `  ${pad(c.action, left)}  ${cut(oneLine(c.summary ?? operationLabel(c)), Math.max(20, columns - left - 5))}`,
    );
    return [...head, "Actions:", ...rows, ...tail].join("\n");
  }
  const byVerb = new Map<string, string[]>();
  for (const c of commands) {
    const verb = c.action.split("-")[0]!;
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), c.action]);
  }
  const rows = [...byVerb].map(([verb, actions]) => [verb, actions.join(", ")] as const);
  return [...head, `Actions (${commands.length}), by verb:`, ...table(rows, columns), ...tail].join("\n");
}

export function commandHelp(command: CommandSpec, columns: number): string {
  const about = [command.summary, command.description].filter((t): t is string => t !== undefined && t !== "");
  const paging = command.paginate ? [pagingHelp(command, command.paginate)] : [`Calls ${operationLabel(command)}.`];
  const own = command.flags
    .filter((f) => f.in !== "body")
    .map((f) => [`--${f.flag} ${valueName(f)}`, flagHelp(f)] as const);
  const body = command.flags
    .filter((f) => f.in === "body")
    .map((f) => [`--${f.flag} ${valueName(f)}`, flagHelp(f)] as const);
  const files = (command.body?.files ?? []).map((f) => [`--file ${f.field}=@<path>`, fileHelp(f)] as const);
  const bodyAbout = command.body
    ? [`Request body (${command.body.mediaType}${command.body.required ? ", required" : ""}): ${bodyHelp(command)}`]
    : [];
  const globals = globalFlagNames(command).map((name) => {
    const g = GLOBAL_FLAGS[name as keyof typeof GLOBAL_FLAGS];
    return [`--${name}${g.value ? ` ${g.value}` : ""}`, g.help] as const;
  });
  return [
    `Usage: ${PROGRAM} ${command.resource} ${command.action} [flags]`,
    "",
    ...[...about, ...paging, ...bodyAbout].flatMap((t) => wrap(safeText(t), columns)),
    "",
    ...(own.length > 0 ? ["Flags:", ...table(own, columns), ""] : []),
    ...(body.length > 0 ? ["Body flags:", ...table(body, columns), ""] : []),
    ...(files.length > 0 ? ["Files:", ...table(files, columns), ""] : []),
    "Global flags:",
    ...table(globals, columns),
    "",
    ...environment(columns),
    "",
    "Exit codes: 0 ok, 1 API or network error, 2 bad usage.",
    "",
  ].join("\n");
}

/** How a `list` command pages, and the flags that start it mid-way. */
function pagingHelp(command: CommandSpec, spec: PageSpec): string {
  const how = describePaging(PAGE_STYLES[spec.style].help, spec);
  const starts = command.flags.filter((f) => f.role !== undefined && f.role !== "size").map((f) => `--${f.flag}`);
  const start = starts.length > 0 ? `; ${starts.join(" or ")} starts mid-way` : "";
  return `Pages through ${operationLabel(command)} automatically (${how}); --limit and --max-pages stop early${start}.`;
}

/** `GET /voice_clones`: how help names a command's operation. */
function operationLabel(command: CommandSpec): string {
  return `${command.method.toUpperCase()} ${command.path}`;
}

function bodyHelp(command: CommandSpec): string {
  const type = command.body!.mediaType.split(";")[0]!.trim().toLowerCase();
  const structured =
    /json$/.test(type) || type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
  if (!structured) return "--data sends it as is (text, @file for a file's bytes, or - for stdin).";
  const flags = command.flags.some((f) => f.in === "body") ? "the body flags below, merged over " : "";
  return `${flags}--data (a JSON object: text, @file.json, or - for stdin); the flags win.`;
}

function fileHelp(file: FileFieldSpec): string {
  const notes = [
    file.required ? "required" : "",
    file.contentType ? `sent as ${file.contentType}` : "",
    file.array ? "repeat for several files" : "",
  ].filter(Boolean);
  return (
    [file.description, notes.length > 0 ? `(${notes.join("; ")})` : ""].filter(Boolean).join(" ") ||
    `the file for the field ${file.field}`
  );
}

function valueName(flag: FlagSpec): string {
  if (flag.type === "boolean") return "";
  return flag.enum ? "<value>" : `<${flag.type}>`;
}

function flagHelp(flag: FlagSpec): string {
  const notes = [
    // The name the API knows it by, when the flag's differs (`page[size]`, or a flag renamed away from a clash).
    flag.param !== flag.flag
      ? flag.in === "body"
        ? `body property ${flag.param}`
        : `${flag.in} parameter ${flag.param}`
      : "",
    flag.required ? "required" : "",
    flag.enum ? `one of: ${flag.enum.map(String).join(", ")}` : "",
    range(flag) ? `allowed: ${range(flag)}` : "",
    flag.default !== undefined ? `default: ${String(flag.default)}` : "",
    flag.array ? `repeat the flag for several values${flag.explode === false ? ", sent comma-joined" : ""}` : "",
    flag.type === "boolean" ? `--no-${flag.flag} sends false` : "",
  ].filter(Boolean);
  const text = [flag.description, notes.length > 0 ? `(${notes.join("; ")})` : ""].filter(Boolean).join(" ");
  return text === ""
    ? flag.in === "body"
      ? `the body property ${flag.param}`
      : `the ${flag.in} parameter ${flag.param}`
    : text;
}

/** Two columns: names padded to the widest, text wrapped to the terminal. */
function table(rows: readonly (readonly [string, string])[], columns: number): string[] {
  const left = Math.min(32, Math.max(0, ...rows.map(([name]) => width(name))));
  const textWidth = Math.max(24, columns - left - 4);
  return rows.flatMap(([name, text]) => {
    const lines = wrap(safeText(text), textWidth);
    const first =
      width(name) > left
        ? [`  ${name}`, ...lines.map((l) => `  ${" ".repeat(left)}  ${l}`)]
        : [`  ${pad(name, left)}  ${lines[0] ?? ""}`, ...lines.slice(1).map((l) => `  ${" ".repeat(left)}  ${l}`)];
    return first.map((l) => l.trimEnd());
  });
}
