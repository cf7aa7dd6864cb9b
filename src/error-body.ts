/**
 * Reading an error response's body, whatever it is: the spec's ErrorResponse
 * envelope (`{ errors: [{ code, title, detail, source: { pointer } }] }`),
 * other JSON, HTML from a proxy, plain text, or nothing at all.
 */
import { redactText } from "./redact.js";
import { isRecord } from "./is-record.js";

/** One entry of the spec's ErrorResponse `errors` array. */
export interface ApiErrorObject {
  code?: string;
  title?: string;
  /** Usually text; Telnyx's changeset errors send an object (field -> messages). */
  detail?: string | { [key: string]: unknown };
  source?: { pointer?: string; parameter?: string };
}

const SNIPPET_CHARS = 200;

/** The envelope's `errors`, keeping only well-typed fields, with the secret removed. */
export function errorObjectsOf(body: unknown, secret?: string): ApiErrorObject[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((entry) => {
    const { code, title, detail, source } = entry;
    const out: ApiErrorObject = strings(
      { code: typeof code === "number" ? String(code) : code, title, detail },
      secret,
    );
    if (isRecord(detail))
      out.detail = JSON.parse(redactText(JSON.stringify(detail), secret)) as { [key: string]: unknown };
    const where = isRecord(source) ? strings({ pointer: source.pointer, parameter: source.parameter }, secret) : {};
    if (Object.keys(where).length) out.source = where;
    return out;
  });
}

/** The string values of `fields` with the secret removed; other values are dropped. */
function strings(fields: Record<string, unknown>, secret: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields))
    if (typeof value === "string") out[key] = redactText(value, secret);
  return out;
}

export interface MessageParts {
  /** The API key, removed from the body before it is summarized. */
  secret: string | undefined;
  status: number;
  statusText: string;
  errors: readonly ApiErrorObject[];
  body: unknown;
  requestId: string | undefined;
  page: number | undefined;
}

/**
 * "401 Authentication failed: The API key is invalid (code 10009; request id r-1)"
 * from the first error's title and detail; without an envelope, the status
 * text and a short summary of the body ("500 Internal Server Error: empty response body").
 */
export function apiErrorMessage({ secret, status, statusText, errors, body, requestId, page }: MessageParts): string {
  const [first, ...more] = errors;
  const notes: string[] = [];
  let text: string;
  if (first?.title || first?.detail) {
    const { title } = first;
    const detail = typeof first.detail === "string" ? first.detail : first.detail && clip(JSON.stringify(first.detail));
    text = title && detail && title !== detail ? `${title}: ${detail}` : (title || detail)!;
    if (first.code) notes.push(`code ${first.code}`);
    if (first.source?.pointer) notes.push(`at ${first.source.pointer}`);
    if (more.length) notes.push(`${more.length} more error${more.length > 1 ? "s" : ""}`);
  } else {
    text = `${statusText || "HTTP error"}: ${summarizeBody(body, secret)}`;
  }
  if (page !== undefined) notes.push(`page ${page}`);
  if (requestId) notes.push(`request id ${requestId}`);
  return `${status} ${text}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/**
 * A one-line description of a body that is not the envelope. The secret is
 * removed first, before whitespace is folded or tags are stripped (either
 * could break up an echoed key so that it no longer matches).
 */
export function summarizeBody(body: unknown, secret?: string): string {
  if (body === undefined || body === null || body === "") return "empty response body";
  if (typeof body === "string") {
    const text = oneLine(redactText(body, secret));
    if (!text) return "blank response body";
    if (!text.startsWith("<")) return `non-JSON body "${clip(text)}"`;
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    const words = oneLine(title || text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " "));
    return `HTML body${words ? ` "${clip(words)}"` : ""} (not JSON: a proxy or gateway answered?)`;
  }
  if (isRecord(body)) {
    const error = isRecord(body.error) ? body.error.message : undefined;
    const said = [body.message, body.error, error, body.detail, body.title].find(
      (value) => typeof value === "string" && value.trim(),
    );
    if (said) return clip(redactText(said as string, secret));
  }
  return `JSON body ${clip(redactText(JSON.stringify(body) ?? String(body), secret))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text;
}
