/**
 * `npx tsx bench/api-diff-peer.ts`: our change report and api-smart-diff
 * (the JavaScript peer, used as it documents: `apiDiff(before, after)`) on
 * the oracle's case table (test/api-diff/cases.ts), side by side. The peer's
 * classes are put on our scale (breaking -> breaking; unclassified and
 * deprecated -> review; non-breaking and annotation -> safe) and its worst
 * class outside `components` is its verdict (it also classifies component
 * edits on their own, where no client sees them). No change at all counts
 * as "safe" (nothing to act on). Prints one line per case and the counts;
 * docs/api-diff.md ("Where api-smart-diff says otherwise") says why ours differs.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiDiff } from "api-smart-diff";
import YAML from "yaml";
import { peerVerdict, worstPeer } from "../scripts/api-diff/peer.js";
import { compareSpecs } from "../scripts/api-diff/report.js";
import { loadBase, loadHead } from "../scripts/api-diff/sides.js";
import { CASES, type Doc, SPECS, type SpecName } from "../test/api-diff/cases.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LIMITS = { maxBytes: 20 * 1024 * 1024, cwd: ROOT };

function parse(spec: SpecName): Doc {
  const text = readFileSync(join(ROOT, SPECS[spec]), "utf8");
  return SPECS[spec].endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
}

const dir = mkdtempSync(join(tmpdir(), "api-diff-peer-"));
const basePaths = new Map<SpecName, string>();
for (const spec of Object.keys(SPECS) as SpecName[]) {
  const file = join(dir, `${spec}-base.json`);
  writeFileSync(file, JSON.stringify(parse(spec)));
  basePaths.set(spec, file);
}
const bases = new Map(
  await Promise.all(
    [...basePaths].map(async ([spec, file]) => [spec, await loadBase({ file }, file, LIMITS)] as const),
  ),
);

let agree = 0;
const lines: string[] = [];
for (const [i, c] of CASES.entries()) {
  const base = parse(c.spec);
  const head = parse(c.spec);
  c.edit(head);
  mkdirSync(join(dir, String(i)));
  const file = join(dir, String(i), "openapi.json");
  writeFileSync(file, JSON.stringify(head));
  const ours = compareSpecs(bases.get(c.spec)!, await loadHead(file, LIMITS), ROOT).verdict ?? "none";
  const peerTypes = apiDiff(base, head)
    .filter((d) => d.path[0] !== "components")
    .map((d) => d.type);
  const worst = worstPeer(peerTypes);
  const peer = worst === undefined ? "none" : peerVerdict(worst);
  const same = (peer === "none" ? "safe" : peer) === (ours === "none" ? "safe" : ours);
  if (same) agree++;
  lines.push(
    `${same ? "same  " : "differ"} ours ${ours.padEnd(8)} api-smart-diff ${peer.padEnd(8)} (${worst ?? "no change"})  ${c.name}`,
  );
}
console.log(lines.join("\n"));
console.log(
  `verdicts vs api-smart-diff 1.0.6: ${agree} of ${CASES.length} cases agree, ${CASES.length - agree} differ`,
);
