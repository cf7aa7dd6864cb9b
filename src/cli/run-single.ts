/**
 * A command that does not page: one request through openapi-fetch's
 * `request()`; returns the 2xx body, undefined when there is none
 * (output/single.ts prints it). A non-2xx
 * answer is the runtime's `ApiError`.
 */
import { readFile } from "node:fs/promises";
import { apiErrorFromResponse } from "../errors.js";
import type { FetchResult } from "../paginate/types.js";
import type { CommandSpec } from "./command-spec.js";
import type { Io } from "./io.js";
import type { ParsedCommand } from "./parse-command.js";
import { UsageError } from "./usage-error.js";

/** openapi-fetch's `request()`, loosely typed: method and path come from data, not from literal types. */
export interface RequestClient {
  request(method: string, path: string, init: Record<string, unknown>): Promise<FetchResult>;
}

export async function runSingle(client: RequestClient, command: CommandSpec, parsed: ParsedCommand, io: Io, signal: AbortSignal, helpFor: string): Promise<unknown> {
  const init: Record<string, unknown> = { params: { path: parsed.path, query: parsed.query }, signal };
  if (command.body && parsed.data !== undefined) {
    const text = await bodyText(parsed.data, io, helpFor);
    if (/json/i.test(command.body.mediaType)) {
      try {
        init.body = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`--data: not valid JSON (${(error as Error).message})`, helpFor);
      }
    } else {
      init.body = text;
      init.bodySerializer = (body: unknown) => body;
      init.headers = { "Content-Type": command.body.mediaType };
    }
  }
  const { data, error, response } = await client.request(command.method.toUpperCase(), command.path, init);
  if (!response.ok) throw apiErrorFromResponse(response, error);
  return data;
}

async function bodyText(data: string, io: Io, helpFor: string): Promise<string> {
  if (data === "-") return io.readStdin();
  if (!data.startsWith("@")) return data;
  try {
    return await readFile(data.slice(1), "utf8");
  } catch (error) {
    throw new UsageError(`--data ${data}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, helpFor);
  }
}
