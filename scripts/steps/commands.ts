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
import { bodyData } from "../cli-data/body.js";
import { operationFlags } from "../cli-data/flags.js";
import { actionNames, resourceName } from "../naming/cli-names.js";
import { escapeDoc, literal } from "../emit/emit-safety.js";
import { GenerateError } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { byCodeUnit, listOperations, type OperationRef } from "../spec/openapi-walk.js";
import type { OutputFile } from "../output/output-file.js";
import type { PagingPlan } from "../pagination/index.js";
import { operationLabel } from "../spec/operation-label.js";
import { text } from "../spec/text.js";
import type { Mutable } from "../mutable.js";

/**
 * `commands.ts`, the index the CLI starts from: each resource with its
 * action names and a loader of its commands; and `commands/<resource>.ts`,
 * one per resource, the commands themselves. So the CLI loads only the
 * resource it runs (`telnyx --help` loads none), and TypeScript checks each
 * resource's array on its own: one literal of every command (11,422 for
 * Microsoft Graph) makes a union "too complex to represent".
 * `runtime`: the import path from the output folder to the runtime's `src/` folder.
 */
export function generateCliCommands(
  doc: OpenApiDocument,
  plan: PagingPlan,
  fileHeader: string,
  specLabel: string,
  runtime = "../src",
): OutputFile[] {
  const byResource = new Map<string, CommandSpec[]>();
  for (const command of cliCommands(doc, plan, specLabel))
    byResource.set(command.resource, [...(byResource.get(command.resource) ?? []), command]);
  const nested = runtime.startsWith("./") ? `../${runtime.slice(2)}` : `../${runtime}`;
  const files = [...byResource].map(
    ([resource, list]): OutputFile => ({
      path: `${RESOURCE_FOLDER}/${resource}.ts`,
      content: `${fileHeader}
import type { CommandSpec } from ${literal(`${nested}/cli/command-spec.js`)};

/** ${escapeDoc(`\`telnyx ${resource} <action>\`, sorted by action.`)} */
export const commands: readonly CommandSpec[] = ${prettyLiteral(list)};
`,
    }),
  );
  // Resource names are `[a-z0-9-]` (cli-names.ts): safe as file names and unique.
  const entries = [...byResource].map(
    ([resource, list]) =>
      `  { resource: ${literal(resource)}, actions: ${JSON.stringify(list.map((c) => c.action))}, load: () => import(${literal(`./${RESOURCE_FOLDER}/${resource}.js`)}) },`,
  );
  const index = `${fileHeader}
import type { CommandIndex } from ${literal(`${runtime}/cli/command-spec.js`)};

/** ${escapeDoc("The command-line client's resources, sorted, each with its actions and a loader of its commands (one per operation): `telnyx <resource> <action>`.")} */
export const commandIndex: CommandIndex = [
${entries.join("\n")}
];
`;
  return [{ path: "commands.ts", content: index }, ...files];
}

/** The folder, beside commands.ts, of the per-resource command files. */
export const RESOURCE_FOLDER = "commands";

/** The command tree as data, sorted by resource then action. */
export function cliCommands(doc: OpenApiDocument, plan: PagingPlan, specLabel: string): CommandSpec[] {
  const candidates = listOperations(doc).map((op) => command(doc, plan, op, specLabel));
  settleActions(candidates, specLabel);
  const commands = candidates.map((d) => d.command);
  return commands.sort((a, b) => byCodeUnit(a.resource, b.resource) || byCodeUnit(a.action, b.action));
}

/** A command whose action name is not settled yet: it takes `names[level]` unless another command of its resource does. */
interface CommandCandidate {
  command: Mutable<CommandSpec>;
  /** The action names to try, in order (scripts/naming/cli-names.ts). */
  names: string[];
  level: number;
}

function command(doc: OpenApiDocument, plan: PagingPlan, op: OperationRef, file: string): CommandCandidate {
  const paged = plan.get(op);
  const operationId = text(op.operation.operationId);
  const resource = resourceName(op.operation.tags, op.path);
  const names = actionNames(
    {
      paginated: paged !== undefined,
      method: op.method,
      path: op.path,
      ...(operationId !== undefined && { operationId }),
    },
    resource,
  );
  const flags = operationFlags(doc, op, paged);
  const body = bodyData(
    doc,
    op,
    flags.map((f) => f.flag),
  );
  const out: Mutable<CommandSpec> = {
    resource,
    action: names[0]!,
    method: op.method,
    path: op.path,
    flags: body ? [...flags, ...body.flags] : flags,
  };
  if (operationId !== undefined) out.operationId = operationId;
  const summary = text(op.operation.summary);
  const description = text(op.operation.description);
  if (summary !== undefined) out.summary = summary;
  if (description !== undefined) out.description = description;
  if (body) out.body = body.body;
  if (paged) {
    out.paginate = paged.spec;
    const columns = tableColumns(doc, paged, file);
    if (columns.length > 0) out.columns = columns;
  }
  return { command: out, names, level: 0 };
}

/** Commands of one resource that share an action move, together, to their next name; a clash on the last name is an error. */
function settleActions(candidates: CommandCandidate[], file: string): void {
  const key = (d: CommandCandidate) => `${d.command.resource} ${d.names[d.level]}`;
  for (;;) {
    const groups = new Map<string, CommandCandidate[]>();
    for (const d of candidates) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
    const clashes = [...groups.values()].filter((g) => g.length > 1);
    if (clashes.length === 0) break;
    for (const group of clashes) {
      const stuck = group.filter((d) => d.level === d.names.length - 1);
      if (stuck.length > 0) {
        const [a, b] = [group[0]!.command, group.find((d) => d.command !== group[0]!.command)!.command];
        throw new GenerateError(
          `${operationLabel(a.method, a.path)} and ${operationLabel(b.method, b.path)} both become the CLI command "${key(group[0]!)}"`,
          { file, pointer: pointerOf(["paths", b.path, b.method, "operationId"]) },
          "give one of them a different operationId or tag",
        );
      }
      for (const d of group) d.level++;
    }
  }
  for (const d of candidates) d.command.action = d.names[d.level]!;
}

/** JSON, indented for readable diffs; valid TypeScript, with U+2028/9 escaped. */
function prettyLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
