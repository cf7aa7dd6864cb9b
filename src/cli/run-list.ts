/**
 * A paginated command, whatever its page style: pages through the operation
 * with the runtime's `paginate` (which picks the style from the command's
 * `PageSpec`: the CLI holds every style), starting mid-way where a flag with
 * a paging role says so, hands each page's items to the output the moment
 * the page arrives, and updates the progress line with the totals the page
 * gives.
 * The output is ended however paging ends, so a JSON array once opened is always closed.
 */
import { paginate, type PagingClient } from "../paginate/index.js";
import type { CommandSpec } from "./command-spec.js";
import type { ItemWriter } from "./output/item-writer.js";
import type { ParsedCommand } from "./parse-command.js";
import type { Progress, ProgressState } from "./progress.js";

export async function runList(
  client: PagingClient,
  command: CommandSpec,
  parsed: ParsedCommand,
  writer: ItemWriter,
  progress: Progress,
  signal: AbortSignal,
): Promise<void> {
  const request = command.flags.some((f) => f.in === "path")
    ? { path: parsed.path, query: parsed.query }
    : { query: parsed.query };
  const { limit, maxPages, pageSize, startPage, startOffset, startCursor } = parsed;
  const paginator = paginate<unknown, unknown>(client, command.paginate!, request, {
    limit,
    maxPages,
    pageSize,
    startPage,
    startOffset,
    startCursor,
    signal,
  });
  const state: ProgressState = { pages: 0, items: 0 };
  let failed = true;
  try {
    for await (const page of paginator.pages()) {
      const taken = limit === undefined ? page.items : page.items.slice(0, limit - state.items);
      state.pages = page.number;
      state.items += taken.length;
      if (page.totalPages !== undefined) state.totalPages = page.totalPages;
      if (page.totalItems !== undefined)
        state.totalItems = limit === undefined ? page.totalItems : Math.min(limit, page.totalItems);
      progress.update(state);
      writer.items(taken);
      if (limit !== undefined && state.items >= limit) break;
    }
    failed = false;
  } finally {
    progress.clear();
    writer.end(failed);
  }
}
