/** Readers of what the generator emitted: the PageSpec of each paginator, and the CLI's command data. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CommandSpec } from "../../src/cli/command-spec.js";
import { PAGE_STYLES } from "../../src/paginate/page-styles.js";
import type { PageStyleName } from "../../src/paginate/index.js";

/**
 * `name -> the PageSpec literal its wrapper passes to the runtime`, read from
 * generated/paginators.ts; throws when a wrapper calls another entry than
 * the one of its spec's style.
 */
export function emittedSpecs(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // export function listItems(...): Paginator<...> {
  //   return paginateByPageNumber<Item, Page>(client, {...the spec...}, { query }, options);
  const re =
    /export function (\w+)\([^)]*\)[^{]*\{\n\s*return (paginate\w*)<\w+, \w+>\(client, (\{.*\}), \{ (?:path, )?query \}, options\);/g;
  for (const [, name, entry, literal] of source.matchAll(re)) {
    const spec = JSON.parse(literal!) as { style: PageStyleName };
    // The runtime's paging entry for each page style: what a wrapper of that style must call.
    const want = PAGE_STYLES[spec.style]?.entry;
    if (entry !== want) throw new Error(`${name} calls ${entry} for a ${spec.style} spec, not ${want}`);
    out[name!] = spec;
  }
  return out;
}

/** The command data of the CLI's per-resource files (`commands/<resource>.ts`), in path order. */
export function commandsOfFiles(files: readonly { path: string; content: string }[]): CommandSpec[] {
  return [...files]
    .filter((f) => /^commands\/[^/]+\.ts$/.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .flatMap(
      (f) =>
        JSON.parse(
          /^export const commands: readonly CommandSpec\[\] = (\[[\s\S]*?^\]);$/m.exec(f.content)![1]!,
        ) as CommandSpec[],
    );
}

/** The command data an output folder holds (`commands/<resource>.ts`). */
export function emittedCommands(outDir: string): CommandSpec[] {
  const folder = join(outDir, "commands");
  const names = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".ts")) : [];
  return commandsOfFiles(names.map((n) => ({ path: `commands/${n}`, content: readFileSync(join(folder, n), "utf8") })));
}

/** The files of an output folder, relative and `/`-separated, subfolders included (`commands/<resource>.ts`), sorted. */
export function generatedFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true, encoding: "utf8" }) as string[])
    .map((f) => f.split("\\").join("/"))
    .filter((f) => statSync(join(outDir, f)).isFile())
    .sort();
}
