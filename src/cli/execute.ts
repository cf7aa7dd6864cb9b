/**
 * Runs one parsed command: credentials and base URL from flags or the
 * environment, the client from src/client.ts, then the paginated or single
 * call with the chosen output format and the progress line.
 */
import { createClient } from "../client.js";
import type { CommandSpec } from "./command-spec.js";
import type { Format } from "./global-flags.js";
import type { Io } from "./io.js";
import { jsonSink } from "./output/json.js";
import { ndjsonSink } from "./output/ndjson.js";
import type { Print, Sink } from "./output/sink.js";
import { printBody } from "./output/single.js";
import { tableSink } from "./output/table.js";
import type { ParsedCommand } from "./parse-command.js";
import { Progress } from "./progress.js";
import { redact } from "./redact.js";
import { runList } from "./run-list.js";
import { runSingle, type RequestClient } from "./run-single.js";
import { UsageError } from "./usage-error.js";

export async function execute(command: CommandSpec, parsed: ParsedCommand, io: Io, signal: AbortSignal, helpFor: string): Promise<void> {
  const apiKey = parsed.apiKey ?? io.env.TELNYX_API_KEY;
  if (apiKey === undefined || apiKey === "") throw new UsageError("missing API key: pass --api-key <key> or set TELNYX_API_KEY", helpFor);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(apiKey)) throw new UsageError("the API key contains control characters (a stray newline?); it cannot be sent in a header", helpFor);
  const baseUrl = parsed.baseUrl ?? (io.env.TELNYX_BASE_URL || undefined);
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) throw new UsageError(`--base-url: not an absolute URL: ${JSON.stringify(baseUrl)}`, helpFor);
  const format: Format = parsed.format ?? (io.stdout.isTTY ? "table" : "json");
  const line = (text: string) => io.stderr.write(`${redact(text, [apiKey])}\n`);
  const logger = { debug: line, info: line, warn: line, error: line }; // log lines (TELNYX_LOG) go to stderr, never into the output
  const client = createClient({ apiKey, ...(baseUrl !== undefined && { baseUrl }), logger });

  const progress = new Progress(io.stderr, `${command.resource} ${command.action}`);
  const print: Print = io.stdout.isTTY ? (text) => progress.around(() => io.stdout.write(text)) : (text) => io.stdout.write(text);
  const tableWidth = io.stdout.isTTY ? (io.stdout.columns ?? 80) : Number(io.env.COLUMNS) > 0 ? Number(io.env.COLUMNS) : Number.POSITIVE_INFINITY;
  try {
    if (command.paginate) {
      await runList(client, command, parsed, sink(format, print, command, tableWidth, io), progress, signal);
    } else {
      printBody(await runSingle(client as unknown as RequestClient, command, parsed, io, signal, helpFor), format, print, tableWidth);
    }
  } finally {
    progress.clear();
  }
}

function sink(format: Format, print: Print, command: CommandSpec, width: number, io: Io): Sink {
  if (format === "ndjson") return ndjsonSink(print);
  if (format === "json") return jsonSink(print);
  return tableSink(print, command.columns, width, () => io.stderr.write("No items.\n"));
}
