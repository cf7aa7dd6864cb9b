/**
 * api-smart-diff's verdicts, looked up by place: the report shows, beside
 * each change, how the peer classified the differences it comes from, and
 * the peer comparison (bench/api-diff-peer.ts) puts both side by side.
 */
import type { PeerType, Verdict } from "./change.js";
import type { EngineDiff, PathToken } from "./engine.js";

const SEVERITY: readonly PeerType[] = ["breaking", "unclassified", "deprecated", "non-breaking", "annotation"];

/** The peer's classes on our scale: `unclassified` means "look at it", `annotation` and `non-breaking` change nothing for a client. */
export function peerVerdict(type: PeerType): Verdict {
  return type === "breaking" ? "breaking" : type === "unclassified" || type === "deprecated" ? "review" : "safe";
}

export function worstPeer(types: Iterable<PeerType | undefined>): PeerType | undefined {
  let worst: PeerType | undefined;
  for (const type of types)
    if (type !== undefined && (worst === undefined || SEVERITY.indexOf(type) < SEVERITY.indexOf(worst))) worst = type;
  return worst;
}

export class PeerIndex {
  readonly #diffs: readonly EngineDiff[];

  constructor(diffs: readonly EngineDiff[]) {
    this.#diffs = diffs;
  }

  /** The worst class among the peer's differences at `prefix` or below it. */
  under(prefix: readonly PathToken[]): PeerType | undefined {
    return worstPeer(this.#diffs.filter((d) => prefix.every((token, i) => d.path[i] === token)).map((d) => d.peer));
  }
}
