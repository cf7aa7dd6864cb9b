/**
 * The document's servers: `servers[0]` is the client's default base URL
 * (generated/servers.ts), the others are only documented. Compared by URL
 * (the engine reports them by array index); a new first server is reported
 * once, as the default's change.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject } from "../spec/openapi-walk.js";
import type { FoundChange } from "./change.js";
import type { PeerIndex } from "./peer.js";

function urls(doc: OpenApiDocument): string[] {
  return Array.isArray(doc.servers)
    ? doc.servers.flatMap((s) => (isObject(s) && typeof s.url === "string" ? [s.url] : []))
    : [];
}

export function serverChanges(base: OpenApiDocument, head: OpenApiDocument, peers: PeerIndex): FoundChange[] {
  const before = urls(base);
  const after = urls(head);
  const peer = peers.under(["servers"]);
  const found: FoundChange[] = [];
  const defaultChanged = before[0] !== after[0];
  if (defaultChanged) {
    const show = (url: string | undefined) => (url === undefined ? "none" : `\`${url}\``);
    found.push({
      rule: "default-server-changed",
      message: `default server ${show(before[0])} -> ${show(after[0])}`,
      at: { side: "head", path: ["servers", 0] },
      peer,
    });
  }
  after.forEach((url, i) => {
    if (!before.includes(url) && !(defaultChanged && i === 0))
      found.push({
        rule: "server-added",
        message: `server \`${url}\` added`,
        at: { side: "head", path: ["servers", i] },
        peer,
      });
  });
  before.forEach((url, i) => {
    if (!after.includes(url) && !(defaultChanged && i === 0))
      found.push({
        rule: "server-removed",
        message: `server \`${url}\` removed`,
        at: { side: "base", path: ["servers", i] },
        peer,
      });
  });
  return found;
}
