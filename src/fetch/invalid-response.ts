/**
 * The `InvalidResponseError` for a response the runtime cannot use (a 2xx
 * body that is not JSON, or too large to hold), built in one place: the
 * message says where (`GET <url>`, or the paginator's `GET /path page 3:`),
 * the status, what is wrong and the request id; the error carries the
 * status, request id and content type. The key is removed from the message
 * and from every field, wherever the server echoed it.
 */
import { InvalidResponseError } from "../errors.js";
import { redactText } from "../redact.js";

export function invalidResponse(
  response: Response,
  where: string,
  problem: string,
  secret: string | undefined,
  cause?: unknown,
): InvalidResponseError {
  const redact = (text: string | null) => (text === null ? undefined : redactText(text, secret));
  const requestId = redact(response.headers.get("x-request-id"));
  const contentType = redact(response.headers.get("content-type"));
  const text = `${where} answered ${response.status} ${problem}${requestId ? ` (request id ${requestId})` : ""}`;
  return new InvalidResponseError(redactText(text, secret), { status: response.status, requestId, contentType, cause });
}
