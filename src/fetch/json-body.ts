/**
 * A 2xx body read as text, parsed as the JSON it must be; otherwise an
 * `InvalidResponseError` naming where (`GET <url>`, or the paginator's
 * `GET /path page 3`), the status, content type and request id, with the key
 * removed from every field. The parser's own message is never used: V8
 * quotes the body's first characters in it, which can be a fragment of an
 * echoed key that no redaction can recognise; the message says where parsing
 * stopped instead.
 */
import { summarizeBody } from "../error-body.js";
import type { InvalidResponseError } from "../errors.js";
import { invalidResponse } from "./invalid-response.js";

/** application/json, text/json, application/problem+json, application/vnd.api+json; not x-ndjson. */
const JSON_TYPE = /[/+]json\s*(;|$)/i;

/** The parsed body; `undefined` for an empty one (as openapi-fetch gives it). */
export function parseJsonBody(text: string, response: Response, where: string, secret: string | undefined): unknown {
  const type = response.headers.get("content-type");
  if (type !== null && !JSON_TYPE.test(type))
    throw notJson(response, where, summarizeBody(text, secret), undefined, secret);
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = parseFailure(error, text.length);
    throw notJson(response, where, message, new SyntaxError(message), secret);
  }
}

/** Where `JSON.parse` stopped, in words of our own: "the JSON ends early", "unexpected character at position 12 of 40". */
function parseFailure(error: unknown, length: number): string {
  const said = error instanceof Error ? error.message : "";
  if (/end of (JSON )?input|Unterminated/i.test(said)) return `the JSON ends early (${length} characters)`;
  const position = /position (\d+)/.exec(said)?.[1];
  if (position !== undefined) return `unexpected character at position ${position} of ${length}`;
  return /Unexpected token/i.test(said)
    ? `an unexpected character (${length} characters in all)`
    : `JSON.parse refused it (${length} characters)`;
}

/** The body is not the JSON it must be: `detail` says how (the parser's message, a summary of the body). */
export function notJson(
  response: Response,
  where: string,
  detail: string,
  cause: unknown,
  secret: string | undefined,
): InvalidResponseError {
  const contentType = response.headers.get("content-type") ?? "no content type";
  return invalidResponse(response, where, `with ${contentType}, not valid JSON: ${detail}`, secret, cause);
}
