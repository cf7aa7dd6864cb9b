/**
 * Reading an error answer's body, whatever it is: the spec's ErrorResponse
 * envelope (`{ errors: [{ code, title, detail, source: { pointer } }] }`),
 * other JSON, HTML from a proxy, plain text, or nothing at all.
 */
import { redactText } from "./redact.js";

/** One entry of the spec's ErrorResponse `errors` array. */
export interface ApiErrorObject {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/** The string fields `keys` of `value` (a numeric `code` as text), the secret removed; other values are dropped. */
function strings(value: Record<string, unknown>, keys: readonly string[], secret: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const field = key === "code" && typeof value[key] === "number" ? String(value[key]) : value[key];
    if (typeof field === "string") out[key] = redactText(field, secret);
  }
  return out;
}

/** The envelope's `errors`, keeping only the spec's well-typed fields, with the secret removed. */
export function errorObjectsOf(body: unknown, secret?: string): ApiErrorObject[] {
  return isRecord(body) && Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((entry) => {
        const out: ApiErrorObject = strings(entry, ["code", "title", "detail"], secret);
        const source = isRecord(entry.source) ? strings(entry.source, ["pointer", "parameter"], secret) : {};
        if (Object.keys(source).length) out.source = source;
        return out;
      })
    : [];
}

/**
 * "401 Authentication failed: The API key is invalid (code 10009; request id r-1)"
 * from the first error's title and detail; without an envelope, the status
 * text and a short summary of the body ("500 Internal Server Error: empty response body").
 */
export function apiErrorMessage(status: number, statusText: string, errors: readonly ApiErrorObject[], body: unknown, requestId?: string, page?: number): string {
  const [first = {}] = errors;
  const said = first.title || first.detail;
  const more = errors.length - 1;
  const text = said ? [...new Set([first.title, first.detail])].filter(Boolean).join(": ") : `${statusText || "HTTP error"}: ${summarizeBody(body)}`;
  const notes = [
    said && first.code && `code ${first.code}`,
    said && first.source?.pointer && `at ${first.source.pointer}`,
    said && more > 0 && `${more} more error${more > 1 ? "s" : ""}`,
    page !== undefined && `page ${page}`,
    requestId && `request id ${requestId}`,
  ].filter(Boolean);
  return `${status} ${text}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** A one-line description of a body that is not the envelope. */
export function summarizeBody(body: unknown): string {
  if (body == null || body === "") return "empty response body";
  if (typeof body !== "string") {
    const error = isRecord(body) && (isRecord(body.error) ? body.error.message : body.error);
    const said = isRecord(body) && [body.message, error, body.detail, body.title].find((value) => typeof value === "string" && value.trim());
    return said ? clip(said as string) : `JSON body ${clip(JSON.stringify(body) ?? String(body))}`;
  }
  const text = oneLine(body);
  if (!text) return "blank response body";
  if (text[0] !== "<") return `non-JSON body "${clip(text)}"`;
  const title = oneLine(/<title[^>]*>([^<]*)/i.exec(text)?.[1] ?? text.replace(/<[^>]*>/g, " "));
  return `HTML body "${clip(title)}" (not JSON: a proxy or gateway answered?)`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** At most 200 characters. */
const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
