/**
 * The walk: load -> lint ‖ (bundle -> types -> pagination -> paginators ->
 * operations -> commands -> servers -> multipart); cli.ts then writes the output folder or compares
 * with it. Paging is detected once per operation (the pagination step's
 * plan), and both the paginators and the commands steps read that plan.
 * Every step is a function from its input to data (`{ path, content }` files)
 * and is reported with its time; nothing here touches the output folder, so a
 * write and `--check` run the very same pipeline. The spec is read and parsed once, here; lint gets a copy on a
 * worker thread, started first so that Redocly loads while this thread reads
 * the spec and builds the types.
 */
import { join, relative } from "node:path";
import { GenerateError } from "./errors.js";
import type { Options } from "./options.js";
import { header } from "./output/header.js";
import { shownPath, toPosix } from "./paths.js";
import { detectPaging, type PagingPlan } from "./pagination/index.js";
import { renameWarning } from "./naming/operation-ids.js";
import { countNullable, nullableLine } from "./spec/nullable-31.js";
import type { OutputFile } from "./output/output-file.js";
import type { Reporter } from "./reporter.js";
import type { OpenApiDocument } from "./spec/bundle.js";
import { prepareSpec } from "./spec/prepare.js";
import { loadSpec, type LoadedSpec } from "./spec/load.js";
import { generateCliCommands } from "./steps/commands.js";
import { generateMultipartOperations } from "./steps/multipart-operations.js";
import type { LintResult, lintSpec } from "./steps/lint.js";
import { lintReportLines, plural } from "./steps/lint-report.js";
import { generateOperations } from "./steps/operations.js";
import { generatePaginators } from "./steps/paginators.js";
import { generateServers } from "./steps/servers.js";
import { generateTypes } from "./steps/types.js";
import { startThread } from "./threads/thread.js";

/** What a run made, and what it made it from (the spec as loaded and bundled, its paging plan). */
export interface Generation {
  files: OutputFile[];
  source: { label: string; spec: LoadedSpec; doc: OpenApiDocument; plan: PagingPlan };
}

export async function runPipeline(options: Options, report: Reporter): Promise<Generation> {
  const specLabel = shownPath(options.cwd, options.spec);
  const lintThread =
    options.lint === "off"
      ? undefined
      : startThread<typeof lintSpec>("lint", new URL("./steps/lint.ts", import.meta.url), "lintSpec");
  let linted: Promise<LintResult> | undefined;
  let lintReported = false;
  /** Prints the lint step's line and problems; in `--lint error` mode, errors are the run's error. */
  const finishLint = async (): Promise<GenerateError | undefined> => {
    lintReported = true;
    return reportLint(await linted!, options, report);
  };
  try {
    const spec = report.step(
      "load",
      () => loadSpec(options.spec, options),
      (s) => `${plural(s.files.size, "file")}, OpenAPI ${s.version}`,
    );
    linted = lintThread?.run({ spec, cwd: options.cwd, maxProblems: options.maxProblems, errorsOnly: options.quiet });
    const place = { spec: options.spec, config: options.pagination, cwd: options.cwd, specLabel };
    const { doc, config, renamed } = await report.stepAsync(
      "bundle",
      () => prepareSpec(spec, place),
      (b) =>
        `one document, refs to components only${b.hoisted.length ? `; ${plural(b.hoisted.length, "recursive schema")} made a component: ${b.hoisted.join(", ")}` : ""}${b.renamed.length ? `; ${plural(b.renamed.length, "operationId")} renamed` : ""}`,
    );
    for (const r of renamed) report.warning(renameWarning(r));
    const nullable = spec.version.startsWith("3.1") ? countNullable(doc) : 0;
    if (nullable > 0) report.warning(nullableLine(nullable, specLabel));
    const fileHeader = header(toPosix(relative(options.out, options.spec)));
    const runtime = runtimeImport(options);

    const schema = await report.stepAsync(
      "types",
      () => generateTypes(doc, fileHeader, specLabel),
      (f) => `${f.path} ${kb(f.content)}`,
    );
    const plan = report.step("pagination", () => detectPaging(doc, specLabel, config), summarizePlan);
    const paginators = report.step(
      "paginators",
      () => generatePaginators(plan, fileHeader, specLabel, runtime),
      (r) => `${r.paged.length} paginated, ${plan.skipped.length} list-like skipped`,
    );
    if (options.verbose) {
      for (const p of paginators.paged) report.info(`  paginator ${p.name}: ${p.method} ${p.path} (${p.style})`);
      for (const s of plan.skipped) report.info(`  skipped ${s.method} ${s.path}: ${s.reason}`);
    }
    const operations = report.step(
      "operations",
      () => generateOperations(doc, plan, fileHeader, specLabel, runtime),
      (f) => `${f.path} ${kb(f.content)}`,
    );
    const commands = report.step(
      "commands",
      () => generateCliCommands(doc, plan, fileHeader, specLabel, runtime),
      (f) => `${f[0]!.path} + ${plural(f.length - 1, "resource file")} ${kb(f.map((x) => x.content).join(""))}`,
    );
    const servers = report.step(
      "servers",
      () => generateServers(doc, fileHeader),
      (f) => `${f.path} ${kb(f.content)}`,
    );
    const multipart = report.step(
      "multipart",
      () => generateMultipartOperations(doc, fileHeader),
      (f) => `${f.path} ${kb(f.content)}`,
    );

    const lintError = linted ? await finishLint() : report.skip("lint", "--lint off");
    if (lintError) throw lintError;
    const files = [schema, paginators.file, operations, ...commands, servers, multipart].sort((a, b) =>
      a.path < b.path ? -1 : 1,
    );
    return { files, source: { label: specLabel, spec, doc, plan } };
  } catch (error) {
    if (!linted) lintThread?.cancel(); // never given the spec: it would wait forever
    if (!linted || lintReported) throw error;
    // A lint failure explains a bad spec better than a later step's failure on it.
    throw (await finishLint().catch(() => undefined)) ?? error;
  }
}

function reportLint(result: LintResult, options: Options, report: Reporter): GenerateError | undefined {
  report.line(
    "lint",
    result.ms,
    `${plural(result.errors, "error")}, ${plural(result.warnings, "warning")} (on a worker thread, beside the types)`,
  );
  for (const line of lintReportLines(result, options)) report.error(line);
  if (result.errors === 0 || options.lint !== "error") return undefined;
  const first = result.firstError!;
  return new GenerateError(
    `lint: ${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}; first: ${first.message} [${first.ruleId}]`,
    first.place,
    "fix the spec at these places (or run with --lint warn to generate anyway)",
  );
}

/** `74 page-number, 0 offset, 0 cursor, 0 next-link`. */
function summarizePlan(plan: PagingPlan): string {
  return Object.entries(plan.styles)
    .map(([style, count]) => `${count} ${style}`)
    .join(", ");
}

function kb(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
}

/** Import path from the output folder to the runtime (`src/` of the project the generator runs in). */
function runtimeImport(options: Options): string {
  const path = toPosix(relative(options.out, join(options.cwd, "src")));
  return path.startsWith(".") ? path : `./${path}`;
}
