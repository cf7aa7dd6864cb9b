/** Readers of what the generator emitted: the PageSpec of each paginator, and the CLI's command data. */
import type { CommandSpec } from "../../src/cli/command-spec.js";

/** `name -> the PageSpec literal its wrapper passes to paginate()`, read from generated/paginators.ts. */
export function emittedSpecs(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const re = /export function (\w+)\([^)]*\)[^{]*\{\n\s*return paginate<\w+, \w+>\(client, (\{.*\}), \{ (?:path, )?query \}, options\);/g;
  for (const m of source.matchAll(re)) out[m[1]!] = JSON.parse(m[2]!);
  return out;
}

/** The command data of generated/commands.ts. */
export function emittedCommands(source: string): CommandSpec[] {
  return JSON.parse(source.slice(source.indexOf("= [") + 2, source.lastIndexOf(";"))) as CommandSpec[];
}
