/**
 * A paginated command: pages through the operation with the runtime's
 * `paginate`, handing each page's items to the output the moment the page
 * arrives and updating the progress line (pages, items, totals when the meta
 * gives them).
 */
import { paginate, type Locator, type PagingClient } from "../paginate/index.js";
import type { CommandSpec } from "./command-spec.js";
import type { Sink } from "./output/sink.js";
import type { ParsedCommand } from "./parse-command.js";
import type { Progress, ProgressState } from "./progress.js";

export async function runList(client: PagingClient, command: CommandSpec, parsed: ParsedCommand, sink: Sink, progress: Progress, signal: AbortSignal): Promise<void> {
  const spec = command.paginate!;
  const request = command.flags.some((f) => f.in === "path") ? { path: parsed.path, query: parsed.query } : { query: parsed.query };
  const { limit } = parsed;
  const paginator = paginate<unknown, unknown>(client, spec, request, {
    ...(limit !== undefined && { limit }),
    ...(parsed.maxPages !== undefined && { maxPages: parsed.maxPages }),
    ...(parsed.pageSize !== undefined && { pageSize: parsed.pageSize }),
    ...(parsed.startPage !== undefined && { startPage: parsed.startPage }),
    signal,
  });
  const state: ProgressState = { pages: 0, items: 0 };
  for await (const page of paginator.pages()) {
    const all = spec.items.reduce(field, page);
    const items = Array.isArray(all) ? all : [];
    const taken = limit === undefined ? items : items.slice(0, limit - state.items);
    state.pages++;
    state.items += taken.length;
    // Totals from the body only until the engine hands out whole pages (issue 12).
    const bodyField = (locator: Locator | undefined) => (locator && "body" in locator ? whole(locator.body.reduce(field, page)) : undefined);
    const totalPages = spec.style === "page-number" ? bodyField(spec.totalPages) : undefined;
    const totalItems = bodyField(spec.totalItems);
    if (totalPages !== undefined) state.totalPages = totalPages;
    if (totalItems !== undefined) state.totalItems = limit === undefined ? totalItems : Math.min(limit, totalItems);
    progress.update(state);
    sink.items(taken);
    if (limit !== undefined && state.items >= limit) break;
  }
  progress.clear();
  sink.end();
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function whole(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
