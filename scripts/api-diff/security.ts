/**
 * Security requirements, per operation as they apply (its own `security`,
 * else the document's): a list of alternatives, each a set of schemes that
 * must all be sent. An alternative added is one more way in; an alternative
 * removed (or a scheme added to one: it then needs more) is a way that no
 * longer works. A change of the document's list is reported once for the
 * operations that use it; an operation's own list where it changed. The
 * engine reports these by array index, which says nothing about alternatives.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject, listOperations } from "../spec/openapi-walk.js";
import type { FoundChange } from "./change.js";
import { operationLabel } from "../spec/operation-label.js";
import type { PeerIndex } from "./peer.js";

/** `bearerAuth + apiKey`, or `none` for the empty requirement (no credentials needed). */
function alternatives(requirement: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(requirement)) return out;
  for (const entry of requirement) {
    if (!isObject(entry)) continue;
    const schemes = Object.entries(entry)
      .map(([name, scopes]) =>
        Array.isArray(scopes) && scopes.length > 0 ? `${name} [${scopes.map(String).sort().join(", ")}]` : name,
      )
      .sort();
    out.add(schemes.join(" + ") || "none");
  }
  return out;
}

function compare(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const a = alternatives(before);
  const b = alternatives(after);
  // No requirement at all means no credentials are needed.
  if (a.size === 0) a.add("none");
  if (b.size === 0) b.add("none");
  return { added: [...b.keys()].filter((k) => !a.has(k)), removed: [...a.keys()].filter((k) => !b.has(k)) };
}

export function securityChanges(base: OpenApiDocument, head: OpenApiDocument, peers: PeerIndex): FoundChange[] {
  const found: FoundChange[] = [];
  const global = compare(base.security, head.security);
  const describe = (
    added: string[],
    removed: string[],
    operation: string | undefined,
    path: (string | number)[],
    peerPath: (string | number)[],
  ) => {
    const scope = operation ? "" : " (the document's default)";
    for (const alt of added)
      found.push({
        rule: "security-requirement-added",
        ...(operation && { operation }),
        message: `security alternative \`${alt}\` added${scope}`,
        at: { side: "head", path },
        peer: peers.under(peerPath),
      });
    for (const alt of removed)
      found.push({
        rule: "security-requirement-removed",
        ...(operation && { operation }),
        message: `security alternative \`${alt}\` removed${scope}`,
        at: { side: "head", path },
        peer: peers.under(peerPath),
      });
  };
  describe(global.added, global.removed, undefined, ["security"], ["security"]);
  const before = new Map(listOperations(base).map((op) => [`${op.method} ${op.path}`, op]));
  for (const now of listOperations(head)) {
    const old = before.get(`${now.method} ${now.path}`);
    if (!old || (old.operation.security === undefined && now.operation.security === undefined)) continue;
    const { added, removed } = compare(
      old.operation.security ?? base.security,
      now.operation.security ?? head.security,
    );
    const path = ["paths", now.path, now.method, ...(now.operation.security !== undefined ? ["security"] : [])];
    describe(added, removed, operationLabel(now.method, now.path), path, ["paths", now.path, now.method, "security"]);
  }
  return found;
}
