/**
 * Shared by the paging tests: a typed client for a local server, and the
 * list the server should page through, computed here independently of the
 * server's own code.
 */
import { createClient } from "../../src/client.js";
import type { VoiceCloneData } from "../../generated/schema.js";

/** The project's client, no retries (a failing page fails at once). */
export function clientFor(baseUrl: string) {
  return createClient({ apiKey: "test-key", baseUrl, maxRetries: 0 });
}

export interface ListQuery {
  name?: string;
  provider?: string;
  sort?: "name" | "-name" | "created_at" | "-created_at";
}

/** What `GET /voice_clones` lists for this query, per the spec: filters, then sort (default `-created_at`). */
export function expectedIds(clones: readonly VoiceCloneData[], query: ListQuery = {}): string[] {
  const sort = query.sort ?? "-created_at";
  const key = sort.replace("-", "") as "name" | "created_at";
  const desc = sort.startsWith("-");
  return clones
    .filter((c) => query.name === undefined || c.name!.toLowerCase().includes(query.name.toLowerCase()))
    .filter((c) => query.provider === undefined || c.provider!.toLowerCase() === query.provider.toLowerCase())
    .map((c) => ({ id: c.id!, k: c[key]! }))
    .sort((a, b) => (a.k === b.k ? (a.id < b.id ? -1 : 1) : a.k < b.k !== desc ? -1 : 1))
    .map((c) => c.id);
}

/** Lets pending timers and sockets run, so "no further request" is observed after the fact. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function ids(items: readonly { id?: string }[]): string[] {
  return items.map((c) => c.id!);
}
