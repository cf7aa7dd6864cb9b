/**
 * Two specs -> the change report: the engine on the operations that differ
 * (scope.ts, engine.ts), our judgement of its differences (classify.ts),
 * what the engine does not compare the way a client needs (operations.ts,
 * security.ts, servers.ts), this package's own surface (surface.ts), then
 * each change's verdict from its rule, its JSON pointer and its line in the
 * head spec. Sorted: breaking first, then by operation.
 */
import { VERDICTS, worstVerdict, type Change, type FoundChange, type Verdict } from "./change.js";
import { operationDiffChanges } from "./classify.js";
import { couldNotJudge, judged } from "./could-not-judge.js";
import { diffDocuments } from "./engine.js";
import { nodeIn, pointerIn, SourceLocator, type LocatePath } from "./locate.js";
import { operationChanges, operationRenames, pathRenames } from "./operations.js";
import { PeerIndex } from "./peer.js";
import { RULES } from "./rules.js";
import type { Lookup } from "./schema-group.js";
import { scopeDocuments } from "./scope.js";
import { securityChanges } from "./security.js";
import { serverChanges } from "./servers.js";
import type { SpecSide } from "./sides.js";
import { surfaceChanges } from "./surface-diff.js";
import { packageSurface } from "./surface.js";

export interface Report {
  /** How the two specs are named: `HEAD:spec/spec3.yml`, `spec/spec3.yml`. */
  base: string;
  head: string;
  changes: Change[];
  counts: Record<Verdict, number>;
  /** The worst verdict; undefined when nothing changed for a client. */
  verdict: Verdict | undefined;
}

export function compareSpecs(base: SpecSide, head: SpecSide, cwd: string): Report {
  const scoped = scopeDocuments(base.doc, head.doc);
  const { diffs, problems } = diffDocuments(scoped.base, scoped.head);
  const peers = new PeerIndex(diffs);
  const docOf = (side: "base" | "head") => (side === "head" ? head.doc : base.doc);
  // Changes inside an operation whose path was renamed name the head's path: in the base, it is the old one.
  const renamedFrom = new Map([...pathRenames(base.doc, head.doc)].map(([was, now]) => [now, was]));
  const inSide = (side: "base" | "head", path: LocatePath): LocatePath =>
    side === "base" && path[0] === "paths" && typeof path[1] === "string" && renamedFrom.has(path[1])
      ? ["paths", renamedFrom.get(path[1])!, ...path.slice(2)]
      : path;
  const lookup: Lookup = {
    node: (side, path) => nodeIn(docOf(side), inSide(side, path)),
    pointer: (side, path) => pointerIn(docOf(side), inSide(side, path)),
  };
  const surface = (side: SpecSide) => packageSurface(side.doc, side.plan, side.label);
  const found: FoundChange[] = [
    ...problems.map((problem) => couldNotJudge(problem.path, "this place", problem.message)),
    ...judged(["paths"], "the operations (added, removed, renamed)", () => operationChanges(base.doc, head.doc, peers)),
    ...operationDiffChanges(diffs, scoped.base, lookup),
    ...judged(["security"], "the security requirements", () => securityChanges(base.doc, head.doc, peers)),
    ...judged(["servers"], "the servers", () => serverChanges(base.doc, head.doc, peers)),
    ...judged([], "this package's surface (paginators, root types, CLI commands)", () =>
      surfaceChanges(surface(base), surface(head), operationRenames(base.doc, head.doc)),
    ),
  ];
  const locator = new SourceLocator(head.spec, cwd, head.shownFile);
  const changes = distinct(found).map((foundChange): Change => {
    const location = locator.locate(foundChange.at.path);
    return {
      rule: foundChange.rule,
      verdict: RULES[foundChange.rule].verdict,
      ...(foundChange.operation !== undefined && { operation: foundChange.operation }),
      message: foundChange.message,
      pointer: lookup.pointer(foundChange.at.side, foundChange.at.path),
      ...(location && { location }),
      ...(foundChange.peer !== undefined && { peer: foundChange.peer }),
    };
  });
  changes.sort(byVerdictThenLocation);
  const counts = { breaking: 0, review: 0, safe: 0 };
  for (const change of changes) counts[change.verdict]++;
  return { base: base.label, head: head.label, changes, counts, verdict: worstVerdict(changes) };
}

/**
 * One change per rule, operation and message: the engine reports a property
 * that a schema shares with each of its oneOf members (`allOf`-merged into
 * each) once per member, and code reads it the same way in all of them.
 */
function distinct(found: readonly FoundChange[]): FoundChange[] {
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = JSON.stringify([d.rule, d.operation, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byVerdictThenLocation(a: Change, b: Change): number {
  return (
    VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
    compare(a.operation ?? "", b.operation ?? "") ||
    compare(a.rule, b.rule) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
