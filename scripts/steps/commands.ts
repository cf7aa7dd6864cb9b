/**
 * Step: `commands.ts`, the command-line client's command tree as data. One
 * entry per operation of the spec (`telnyx <resource> <action> --flags`):
 * names from scripts/naming/cli-names.ts, flags from scripts/cli-data/flags.ts,
 * table columns from scripts/cli-data/columns.ts, and for a paginated
 * operation (the paging plan, scripts/pagination/) the same paging spec its
 * generated paginator passes to `paginate`. The CLI in
 * src/cli/ reads it; nothing per operation is written by hand. Plain data,
 * so it is printed as indented JSON (a readable diff) rather than built with
 * ts-morph structures.
 */
import type { CommandSpec } from "../../src/cli/command-spec.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { tableColumns } from "../cli-data/columns.js";
import { operationFlags } from "../cli-data/flags.js";
import { actionNames, resourceName } from "../naming/cli-names.js";
import { escapeDoc, literal } from "../emit/emit-safety.js";
import { GenerateError } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { byCodeUnit, deref, isJsonMediaType, isObject, listOperations, type OperationRef } from "../spec/openapi-walk.js";
import type { OutputFile } from "../output/output-file.js";
import type { PagingPlan } from "../pagination/index.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `runtime`: the import path from the output folder to the runtime's `src/` folder. */
export function generateCliCommands(doc: OpenApiDocument, plan: PagingPlan, fileHeader: string, specLabel: string, runtime = "../src"): OutputFile {
  const byResource = new Map<string, CommandSpec[]>();
  for (const command of cliCommands(doc, plan, specLabel)) byResource.set(command.resource, [...(byResource.get(command.resource) ?? []), command]);
  // One typed array per resource, then their concatenation: TypeScript checks each array on its own, where one
  // literal of every command (11,422 for Microsoft Graph) makes a union of their types "too complex to represent".
  const groups = [...byResource].map(([resource, list]) => ({ name: groupName(resource), resource, list }));
  const declarations = groups.map(({ name, resource, list }) => `/** ${escapeDoc(`\`telnyx ${resource} <action>\``)} */
const ${name}: readonly CommandSpec[] = ${prettyLiteral(list)};
`);
  const content = `${fileHeader}
import type { CommandSpec } from ${literal(`${runtime}/cli/command-spec.js`)};

${declarations.join("\n")}
/** ${escapeDoc("The command-line client's commands, one per operation, sorted by resource then action (`telnyx <resource> <action>`).")} */
export const commands: readonly CommandSpec[] = [${groups.map(({ name }) => `...${name}`).join(", ")}];
`;
  return { path: "commands.ts", content };
}

/** `voice-clones` -> `commands_voice_clones`: resource names are `[a-z0-9-]` (cli-names.ts), so the name is a valid, unique identifier. */
function groupName(resource: string): string {
  return `commands_${resource.replace(/-/g, "_")}`;
}

/** The command tree as data, sorted by resource then action. */
export function cliCommands(doc: OpenApiDocument, plan: PagingPlan, specLabel: string): CommandSpec[] {
  const drafts = listOperations(doc).map((op) => command(doc, plan, op, specLabel));
  settleActions(drafts, specLabel);
  const commands = drafts.map((d) => d.command);
  return commands.sort((a, b) => byCodeUnit(a.resource, b.resource) || byCodeUnit(a.action, b.action));
}

interface Draft {
  command: Mutable<CommandSpec>;
  /** The action names to try, in order (scripts/cli-names.ts). */
  names: string[];
  level: number;
}

function command(doc: OpenApiDocument, plan: PagingPlan, op: OperationRef, file: string): Draft {
  const paged = plan.get(op);
  const operationId = text(op.operation.operationId);
  const resource = resourceName(op.operation.tags, op.path);
  const names = actionNames({ paginated: paged !== undefined, method: op.method, path: op.path, ...(operationId !== undefined && { operationId }) }, resource);
  const out: Mutable<CommandSpec> = { resource, action: names[0]!, method: op.method, path: op.path, flags: operationFlags(doc, op, paged) };
  if (operationId !== undefined) out.operationId = operationId;
  const summary = text(op.operation.summary);
  const description = text(op.operation.description);
  if (summary !== undefined) out.summary = summary;
  if (description !== undefined) out.description = description;
  const body = requestBody(doc, op);
  if (body) out.body = body;
  if (paged) {
    out.paginate = paged.spec;
    const columns = tableColumns(doc, paged, file);
    if (columns.length > 0) out.columns = columns;
  }
  return { command: out, names, level: 0 };
}

/** Commands of one resource that share an action move, together, to their next name; a clash on the last name is an error. */
function settleActions(drafts: Draft[], file: string): void {
  const key = (d: Draft) => `${d.command.resource} ${d.names[d.level]}`;
  for (;;) {
    const groups = new Map<string, Draft[]>();
    for (const d of drafts) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
    const clashes = [...groups.values()].filter((g) => g.length > 1);
    if (clashes.length === 0) break;
    for (const group of clashes) {
      const stuck = group.filter((d) => d.level === d.names.length - 1);
      if (stuck.length > 0) {
        const [a, b] = [group[0]!.command, group.find((d) => d.command !== group[0]!.command)!.command];
        throw new GenerateError(
          `${a.method.toUpperCase()} ${a.path} and ${b.method.toUpperCase()} ${b.path} both become the CLI command "${key(group[0]!)}"`,
          { file, pointer: pointerOf(["paths", b.path, b.method, "operationId"]) },
          "give one of them a different operationId or tag",
        );
      }
      for (const d of group) d.level++;
    }
  }
  for (const d of drafts) d.command.action = d.names[d.level]!;
}

function requestBody(doc: OpenApiDocument, op: OperationRef): CommandSpec["body"] {
  const body = deref(doc, op.operation.requestBody);
  if (!isObject(body) || !isObject(body.content)) return undefined;
  const types = Object.keys(body.content);
  const mediaType = types.find(isJsonMediaType) ?? types[0];
  return mediaType === undefined ? undefined : { required: body.required === true, mediaType };
}

/** JSON, indented for readable diffs; valid TypeScript, with U+2028/9 escaped. */
function prettyLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
