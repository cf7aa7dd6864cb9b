/**
 * An openapi-fetch middleware: a 2xx answer that the call reads as JSON
 * (openapi-fetch's `parseAs: "json"`, the default) must be JSON. Otherwise
 * openapi-fetch would hand back HTML as a string, or throw a bare
 * `SyntaxError`; here it is an `InvalidResponseError` naming the method, URL,
 * status, content type and request id, with the key removed from all of them.
 *
 * Only middleware sees how a call reads its answer (`options.parseAs`), so
 * the check is here; it reads a copy of the body the retrying fetch already
 * holds in memory, and parses it once more than openapi-fetch does.
 */
import type { Middleware } from "openapi-fetch";
import { summarizeBody } from "../error-body.js";
import { InvalidResponseError } from "../errors.js";
import { redactText } from "../redact.js";

/** application/json, text/json, application/problem+json, application/vnd.api+json; not x-ndjson. */
const JSON_TYPE = /[/+]json\s*(;|$)/i;

export function jsonAnswers(secret: string): Middleware {
  const invalid = (request: Request, response: Response, detail: string, cause?: unknown) => {
    const redact = (text: string | null) => (text === null ? undefined : redactText(text, secret));
    const requestId = redact(response.headers.get("x-request-id"));
    const contentType = redact(response.headers.get("content-type"));
    const text = `answered ${response.status} with ${contentType ?? "no content type"}, not valid JSON: ${detail}${requestId ? ` (request id ${requestId})` : ""}`;
    // The parser's message quotes the body, which may echo the key: the cause gets a redacted copy.
    const safeCause = cause instanceof SyntaxError ? new SyntaxError(redactText(cause.message, secret)) : cause;
    return new InvalidResponseError(redactText(`${request.method} ${request.url} ${text}`, secret), { status: response.status, requestId, contentType, cause: safeCause });
  };

  return {
    async onResponse({ request, response, options }) {
      if (options.parseAs !== "json" || !response.ok || !hasBody(request, response)) return undefined;
      let text: string;
      try {
        text = await response.clone().text();
      } catch (error) {
        throw invalid(request, response, `the body cannot be read as text (${(error as Error).message})`, error);
      }
      const type = response.headers.get("content-type");
      if (type !== null && !JSON_TYPE.test(type)) throw invalid(request, response, summarizeBody(text, secret));
      if (text === "") return undefined; // openapi-fetch gives `data: undefined`
      try {
        JSON.parse(text);
      } catch (error) {
        throw invalid(request, response, (error as Error).message, error);
      }
      return undefined;
    },
  };
}

/** openapi-fetch's own rule: 204, HEAD and `Content-Length: 0` (not chunked) have no body to parse. */
function hasBody(request: Request, response: Response): boolean {
  const empty = response.headers.get("content-length") === "0" && !response.headers.get("transfer-encoding")?.includes("chunked");
  return response.status !== 204 && request.method !== "HEAD" && !empty;
}
