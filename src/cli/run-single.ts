/**
 * A command that does not page: one request through openapi-fetch's
 * `request()`; returns the 2xx body, undefined when there is none
 * (output/single.ts prints it). The body comes from request-body.ts. A non-2xx
 * answer is the runtime's `ApiError`.
 */
import { apiErrorFromResponse } from "../errors.js";
import type { FetchResult } from "../paginate/types.js";
import type { CommandSpec } from "./command-spec.js";
import type { Io } from "./io.js";
import type { ParsedCommand } from "./parse-command.js";
import { requestBody } from "./request-body.js";

/** openapi-fetch's `request()`, loosely typed: method and path come from data, not from literal types. */
export interface RequestClient {
  request(method: string, path: string, init: Record<string, unknown>): Promise<FetchResult>;
}

export async function runSingle(
  client: RequestClient,
  command: CommandSpec,
  parsed: ParsedCommand,
  io: Io,
  signal: AbortSignal,
  helpFor: string,
): Promise<unknown> {
  const init: Record<string, unknown> = { params: { path: parsed.path, query: parsed.query }, signal };
  const built = await requestBody(command, parsed, io, helpFor);
  if (built) {
    // The body is built already (request-body.ts): sent as it is, with its content type (FormData: fetch sets it, with the boundary).
    init.body = built.body;
    init.bodySerializer = (body: unknown) => body;
    if (built.contentType !== undefined) init.headers = { "Content-Type": built.contentType };
  }
  const { data, error, response } = await client.request(command.method.toUpperCase(), command.path, init);
  if (!response.ok) throw apiErrorFromResponse(response, error);
  return data;
}
