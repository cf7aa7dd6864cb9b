/**
 * An openapi-fetch middleware: a 2xx response that the call reads as JSON
 * (openapi-fetch's `parseAs: "json"`, the default) must be JSON. Otherwise
 * openapi-fetch would hand back HTML as a string, or throw a bare
 * `SyntaxError`; here it is an `InvalidResponseError` (`json-body.ts`).
 *
 * Only middleware sees how a call reads its response (`options.parseAs`), so
 * the check is here. It reads a copy of the body the retrying fetch already
 * holds in memory and parses it, once more than openapi-fetch then does: the
 * cost of checking from outside openapi-fetch. (The paginator reads pages as
 * text and parses each once itself.)
 */
import type { Middleware } from "openapi-fetch";
import { notJson, parseJsonBody } from "./json-body.js";

export function jsonResponses(secret: string): Middleware {
  return {
    async onResponse({ request, response, options }) {
      if (options.parseAs !== "json" || !response.ok || !hasBody(request, response)) return undefined;
      const where = `${request.method} ${request.url}`;
      let text: string;
      try {
        text = await response.clone().text();
      } catch (error) {
        throw notJson(response, where, `the body cannot be read as text (${(error as Error).message})`, error, secret);
      }
      parseJsonBody(text, response, where, secret);
      return undefined;
    },
  };
}

/** openapi-fetch's own rule: 204, HEAD and `Content-Length: 0` (not chunked) have no body to parse. */
function hasBody(request: Request, response: Response): boolean {
  const empty =
    response.headers.get("content-length") === "0" && !response.headers.get("transfer-encoding")?.includes("chunked");
  return response.status !== 204 && request.method !== "HEAD" && !empty;
}
