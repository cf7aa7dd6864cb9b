/**
 * What `--check` prints: each stale, missing and extra file, a unified diff of
 * the first changed lines of each stale file, what an interrupted generation
 * left, and the fix.
 */
import { lazyRequire } from "../lazy-require.js";
import type { Comparison } from "./compare.js";
import { MARKER } from "./folder.js";

export const MAX_DIFF_LINES = 40;

/** Loaded only when there is a drift to show. */
const diff = lazyRequire<typeof import("diff")>("diff");

export function formatDrift(c: Comparison, outLabel: string): string {
  const lines: string[] = [`drift: ${outLabel} does not match what the spec generates`];
  if (c.interrupted)
    lines.push(
      `  interrupted: ${outLabel}/${MARKER}: a generation did not finish, so the files below may mix two generations`,
    );
  for (const s of c.stale) {
    lines.push(`  stale:   ${outLabel}/${s.path}`);
    lines.push(...diffLines(`${outLabel}/${s.path}`, s.have, s.want).map((l) => `    ${l}`));
  }
  for (const m of c.missing) lines.push(`  missing: ${outLabel}/${m.path}`);
  for (const e of c.extra)
    lines.push(`  extra:   ${outLabel}/${e.path}${e.generated ? "" : " (not a generated file: move or delete it)"}`);
  for (const path of c.leftovers.filter((p) => p !== MARKER))
    lines.push(`  leftover: ${outLabel}/${path} (staged by a generation that did not finish)`);
  lines.push(`fix: run \`npm run generate\` and commit ${outLabel}/ with the spec`);
  return lines.join("\n");
}

/** A unified diff (committed -> regenerated) cut after MAX_DIFF_LINES changed lines. */
export function diffLines(name: string, have: string, want: string): string[] {
  const { structuredPatch } = diff();
  const patch = structuredPatch(`${name} (committed)`, `${name} (from the spec)`, have, want, "", "", { context: 2 });
  const out = [`--- ${patch.oldFileName}`, `+++ ${patch.newFileName}`];
  let changed = 0;
  let total = 0;
  for (const hunk of patch.hunks) for (const line of hunk.lines) if (line[0] === "+" || line[0] === "-") total++;
  for (const hunk of patch.hunks) {
    if (changed >= MAX_DIFF_LINES) break;
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) {
      const isChange = line[0] === "+" || line[0] === "-";
      if (isChange && changed >= MAX_DIFF_LINES) break;
      if (isChange) changed++;
      out.push(line);
    }
  }
  if (total > changed) out.push(`... ${total - changed} more changed lines`);
  return out;
}
