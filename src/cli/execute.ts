/**
 * Runs one parsed command: the key and base URL from flags or the
 * environment, checked by the library's own rules (named as flags), the
 * client from src/client.ts (with `--timeout`, `--max-retries` and
 * TELNYX_LOG), then the paginated or single call with the chosen output
 * format and the progress line; with `--dry-run`, the client's fetch prints
 * the first request instead of sending it (dry-run.ts).
 */
import { servers } from "../../generated/servers.js";
import { createClient } from "../client.js";
import { FLAG_NAMES, resolveApiKey, resolveBaseUrl, resolveLogLevel } from "../config.js";
import { redactText } from "../redact.js";
import type { CommandSpec } from "./command-spec.js";
import type { Format } from "./global-flags.js";
import { dryRun } from "./dry-run.js";
import type { Io } from "./io.js";
import { jsonWriter } from "./output/json.js";
import { ndjsonWriter } from "./output/ndjson.js";
import type { Print, ItemWriter } from "./output/item-writer.js";
import { printBody } from "./output/single.js";
import { tableWriter } from "./output/table.js";
import type { ParsedCommand } from "./parse-command.js";
import { Progress } from "./progress.js";
import { runList } from "./run-list.js";
import { runSingle, type RequestClient } from "./run-single.js";
import { oneLine } from "./terminal-text.js";

export async function execute(
  command: CommandSpec,
  parsed: ParsedCommand,
  io: Io,
  callSignal: AbortSignal,
  helpFor: string,
): Promise<void> {
  const apiKey = resolveApiKey(parsed.apiKey, io.env.TELNYX_API_KEY, FLAG_NAMES);
  const baseUrl = resolveBaseUrl(parsed.baseUrl, servers as readonly string[], io.env.TELNYX_BASE_URL, FLAG_NAMES);
  const format: Format = parsed.format ?? (io.stdout.isTTY ? "table" : "json");
  const line = (text: string) => io.stderr.write(`${oneLine(redactText(text, apiKey))}\n`);
  const logger = { debug: line, info: line, warn: line, error: line }; // log lines (TELNYX_LOG) go to stderr, never into the output
  const logLevel = resolveLogLevel(undefined, io.env.TELNYX_LOG);
  const dry = parsed.dryRun ? dryRun((text) => io.stdout.write(text), apiKey, callSignal) : undefined;
  const signal = dry?.signal ?? callSignal;
  const client = createClient({
    apiKey,
    baseUrl,
    logger,
    logLevel,
    timeoutMs: parsed.timeoutMs,
    maxRetries: parsed.maxRetries,
    ...(dry && { fetch: dry.fetch }),
  });

  const progress = new Progress(io.stderr, `${command.resource} ${command.action}`);
  const print: Print = io.stdout.isTTY
    ? (text) => progress.around(() => io.stdout.write(text))
    : (text) => io.stdout.write(text);
  const tableWidth = io.stdout.isTTY
    ? (io.stdout.columns ?? 80)
    : Number(io.env.COLUMNS) > 0
      ? Number(io.env.COLUMNS)
      : Number.POSITIVE_INFINITY;
  try {
    if (command.paginate) {
      await runList(
        client,
        command,
        parsed,
        dry ? silentWriter : writer(format, print, command, tableWidth, io),
        progress,
        signal,
      );
    } else {
      const body = await runSingle(client as unknown as RequestClient, command, parsed, io, signal, helpFor);
      if (!dry) printBody(body, format, print, tableWidth);
    }
  } catch (error) {
    if (!dry?.done()) throw error; // a dry run ends by aborting the call once the request is printed
  } finally {
    progress.clear();
  }
}

/** A dry run prints the request, never items. */
const silentWriter: ItemWriter = { items() {}, end() {} };

function writer(format: Format, print: Print, command: CommandSpec, width: number, io: Io): ItemWriter {
  if (format === "ndjson") return ndjsonWriter(print);
  if (format === "json") return jsonWriter(print);
  return tableWriter(print, command.columns, width, () => io.stderr.write("No items.\n"));
}
