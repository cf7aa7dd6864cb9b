/**
 * What the API change report is made of: one `Change` per difference that
 * matters to code using this package, each with its rule (rules.ts), the
 * verdict the rule gives, where it is, and what the peer (api-smart-diff)
 * said about the same difference.
 */
import type { LocatePath } from "./locate.js";
import type { RuleId } from "./rules.js";

/** For code that uses this package (a client): may it stop compiling or working? */
export type Verdict = "breaking" | "review" | "safe";

export const VERDICTS: readonly Verdict[] = ["breaking", "review", "safe"];

/** api-smart-diff's own classification of a difference. */
export type PeerType = "breaking" | "non-breaking" | "annotation" | "unclassified" | "deprecated";

export interface SourceLocation {
  /** The spec file, relative to the working directory. */
  file: string;
  line: number;
  column: number;
}

/**
 * Where a change is, as a reader opens it: `file:line (#/pointer)` for YAML;
 * for JSON (often one line: APIs.guru's, any minified spec) or a long line, the
 * pointer leads and the column is given: `#/pointer in file.json:1:48213`.
 */
export function locationText(change: Pick<Change, "location" | "pointer">): string {
  const { location, pointer } = change;
  if (!location) return pointer;
  if (/\.json$/i.test(location.file) || location.column > 120)
    return `${pointer} in ${location.file}:${location.line}:${location.column}`;
  return `${location.file}:${location.line} (${pointer})`;
}

export interface Change {
  rule: RuleId;
  verdict: Verdict;
  /** `GET /voice_clones` for a change of one operation; undefined for a change of the whole spec or of the root types. */
  operation?: string;
  /** What changed, in one line (names in backticks). */
  message: string;
  /** JSON pointer in the bundled head document (in the base document for what the head no longer has). */
  pointer: string;
  /** Where the head spec says it, when it does. */
  location?: SourceLocation;
  /** How api-smart-diff classified the differences this change comes from; absent for this package's own surface. */
  peer?: PeerType;
}

/** A change as the classifiers find it, before the report adds its verdict and resolves where it is. */
export interface FoundChange {
  rule: RuleId;
  operation?: string;
  message: string;
  /** The path in the merged view of the head, or of the base for what the head no longer has. */
  at: { side: "head" | "base"; path: LocatePath };
  peer?: PeerType;
}

export function verdictRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}

/** The most severe verdict of a list of changes; undefined when there are none. */
export function worstVerdict(changes: readonly { verdict: Verdict }[]): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const change of changes)
    if (worst === undefined || verdictRank(change.verdict) < verdictRank(worst)) worst = change.verdict;
  return worst;
}
