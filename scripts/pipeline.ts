/**
 * The steps in order: load -> lint -> types -> paginators -> (servers) -> files.
 * Pure up to here: every step returns data, nothing touches the output folder,
 * so `--check` and a write run the very same pipeline.
 */
import { relative, sep } from "node:path";
import { bundleSpec } from "./bundle.js";
import { header } from "./header.js";
import { loadSpec } from "./load.js";
import type { Options } from "./options.js";
import type { OutputFile } from "./output-file.js";
import type { Reporter } from "./reporter.js";

export async function runPipeline(options: Options, report: Reporter): Promise<OutputFile[]> {
  const specLabel = toPosix(relative(options.cwd, options.spec) || options.spec);
  const spec = report.step("load", () => loadSpec(options.spec, options), (s) => `${s.files.size} file${s.files.size === 1 ? "" : "s"}, OpenAPI ${s.version}`);

  if (options.lint === "off") {
    report.skip("lint", "--lint off");
  } else {
    const mode = options.lint;
    const result = await report.stepAsync("lint", async () => (await import("./lint.js")).lintSpec(spec, mode, options.cwd), (r) => `${r.errors} errors, ${r.warnings} warnings`);
    for (const line of result.lines) report.problem(line);
  }

  const doc = await bundleSpec(spec);
  const fileHeader = header(toPosix(relative(options.out, options.spec)));
  const schema = await report.stepAsync("types", async () => (await import("./types.js")).generateTypes(doc, fileHeader, specLabel), (f) => `${f.path} ${kb(f.content)}`);

  const paginators = await report.stepAsync("paginators", async () => (await import("./paginators.js")).generatePaginators(doc, fileHeader, specLabel), (r) => `${r.paged.length} paginated, ${r.skipped.length} list-like skipped`);
  if (options.verbose) {
    for (const p of paginators.paged) report.detail(`  paginator ${p.name}: ${p.method} ${p.path}`);
    for (const s of paginators.skipped) report.detail(`  skipped ${s.method} ${s.path}: ${s.reason}`);
  }

  const { generateServers } = await import("./servers.js");
  return [schema, paginators.file, generateServers(doc, fileHeader)].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

function kb(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
}
