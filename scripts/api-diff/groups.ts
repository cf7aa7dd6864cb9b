/**
 * What the output formats share: changes grouped by operation (changes of
 * the whole API, such as servers, security defaults and root types, in a
 * group of their own), groups with breaking changes first, and the version
 * bump the worst verdict suggests.
 */
import { verdictRank, worstVerdict, type Change, type Verdict } from "./change.js";

export const WHOLE_API = "whole API";

export interface ChangeGroup {
  /** `GET /voice_clones`, or WHOLE_API. */
  title: string;
  changes: Change[];
  verdict: Verdict;
}

/** Groups in order: worst verdict first, then by title; changes keep the report's order (breaking first). */
export function groupByOperation(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const title = change.operation ?? WHOLE_API;
    groups.set(title, [...(groups.get(title) ?? []), change]);
  }
  return [...groups]
    .map(([title, list]) => ({ title, changes: list, verdict: worstVerdict(list)! }))
    .sort(
      (a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );
}

/** The semver bump for the package: breaking -> major; review -> decide (major if a reviewed change breaks you); safe -> minor; nothing -> patch. */
export function suggestedBump(verdict: Verdict | undefined): string {
  if (verdict === "breaking") return "major";
  if (verdict === "review") return "minor, or major if a change to review breaks clients";
  return verdict === "safe" ? "minor" : "patch (no change for clients)";
}

export function countsLine(counts: Record<Verdict, number>): string {
  return `${counts.breaking} breaking, ${counts.review} to review, ${counts.safe} safe`;
}
