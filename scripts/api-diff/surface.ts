/**
 * This package's own surface, computed by the generator's own functions (the
 * one place the change report depends on how the generator names things):
 * - paginators: the operations walk (listOperations), pagination detection
 *   (detectPagination) and the function names (functionName), as
 *   steps/paginators.ts uses them; each paginator's `Query`, `Page` and `Item`
 *   types are named after its function (PascalCase);
 * - root type aliases: rootAliases, as steps/types.ts writes them;
 * - CLI commands and flags: the commands step itself (generateCliCommands),
 *   whose output is the command tree as JSON.
 */
import type { CommandSpec } from "../../src/cli/command-spec.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { listOperations } from "../spec/openapi-walk.js";
import { detectPagination } from "../pagination/detect.js";
import { functionName, pascalCase, rootAliases, type RootAlias } from "../naming/identifiers.js";
import { generateCliCommands } from "../steps/commands.js";
import { operationLabel } from "./operations.js";

export interface Paginator {
  /** The function: `listVoiceClones` (its types: `ListVoiceClonesQuery`, `...Page`, `...Item`). */
  name: string;
  typePrefix: string;
}

export interface Command {
  /** `voice-clones list`. */
  name: string;
  flags: { flag: string; param: string; in: string; required: boolean }[];
}

export interface Surface {
  /** By operation (`GET /voice_clones`). */
  paginators: Map<string, Paginator>;
  rootTypes: RootAlias[];
  /** By operation (`GET /voice_clones`). */
  commands: Map<string, Command>;
}

export function packageSurface(doc: OpenApiDocument, specLabel: string): Surface {
  const paginators = new Map<string, Paginator>();
  for (const op of listOperations(doc)) {
    if (!("paged" in detectPagination(doc, op, specLabel))) continue;
    const id = typeof op.operation.operationId === "string" && op.operation.operationId.trim() !== "" ? op.operation.operationId : undefined;
    const name = functionName(id, op.method, op.path);
    paginators.set(operationLabel(op.method, op.path), { name, typePrefix: pascalCase(name) });
  }
  const commands = new Map<string, Command>();
  for (const command of cliCommands(doc, specLabel)) {
    const flags = command.flags.map((f) => ({ flag: f.flag, param: f.param, in: f.in, required: f.required === true }));
    commands.set(operationLabel(command.method, command.path), { name: `${command.resource} ${command.action}`, flags });
  }
  return { paginators, rootTypes: rootAliases(doc.components), commands };
}

/** The commands step's output (`export const commands: readonly CommandSpec[] = [...];`), read back as data. */
function cliCommands(doc: OpenApiDocument, specLabel: string): CommandSpec[] {
  const { content } = generateCliCommands(doc, "", specLabel);
  const start = content.indexOf("= [", content.indexOf("export const commands")) + 2;
  return JSON.parse(content.slice(start, content.lastIndexOf(";"))) as CommandSpec[];
}
