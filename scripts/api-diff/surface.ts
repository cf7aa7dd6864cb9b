/**
 * This package's own surface, computed by the generator's own functions (the
 * one place the change report depends on how the generator names things):
 * - paginators: the paging plan (scripts/pagination/) and the paginators
 *   step's names (paginatorNames); each paginator's `Query`, `Page` and
 *   `Item` types are named after its function (PascalCase);
 * - root type aliases: rootAliases, as steps/types.ts writes them;
 * - CLI commands and flags: the commands step's command tree (cliCommands).
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import type { PagingPlan } from "../pagination/index.js";
import { pascalCase, rootAliases, type RootAlias } from "../naming/identifiers.js";
import { cliCommands } from "../steps/commands.js";
import { paginatorNames } from "../steps/paginators.js";
import { operationLabel } from "../spec/operation-label.js";

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

export function packageSurface(doc: OpenApiDocument, plan: PagingPlan, specLabel: string): Surface {
  const paginators = new Map<string, Paginator>();
  for (const { name, p } of paginatorNames(plan, specLabel)) {
    paginators.set(operationLabel(p.op.method, p.op.path), { name, typePrefix: pascalCase(name) });
  }
  const commands = new Map<string, Command>();
  for (const command of cliCommands(doc, plan, specLabel)) {
    const flags = command.flags.map((f) => ({ flag: f.flag, param: f.param, in: f.in, required: f.required === true }));
    commands.set(operationLabel(command.method, command.path), {
      name: `${command.resource} ${command.action}`,
      flags,
    });
  }
  return { paginators, rootTypes: rootAliases(doc.components), commands };
}
