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

const SNIPPET_CHARS = 200;

/** The envelope's `errors`, keeping only well-typed fields, with the secret removed. */
export function errorObjectsOf(body: unknown, secret?: string): ApiErrorObject[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((entry) => {
    const out: ApiErrorObject = {};
    const text = (value: unknown) => (typeof value === "string" ? redactText(value, secret) : undefined);
    const code = typeof entry.code === "number" ? String(entry.code) : text(entry.code);
    if (code !== undefined) out.code = code;
    const title = text(entry.title);
    if (title !== undefined) out.title = title;
    const detail = text(entry.detail);
    if (detail !== undefined) out.detail = detail;
    if (isRecord(entry.source)) {
      const pointer = text(entry.source.pointer);
      const parameter = text(entry.source.parameter);
      if (pointer !== undefined || parameter !== undefined) {
        out.source = {};
        if (pointer !== undefined) out.source.pointer = pointer;
        if (parameter !== undefined) out.source.parameter = parameter;
      }
    }
    return out;
  });
}

export interface MessageParts {
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
export function apiErrorMessage(parts: MessageParts): string {
  const first = parts.errors[0];
  const notes: string[] = [];
  let text: string;
  if (first && (first.title || first.detail)) {
    const { title, detail } = first;
    text = title && detail && title !== detail ? `${title}: ${detail}` : (title || detail)!;
    if (first.code) notes.push(`code ${first.code}`);
    if (first.source?.pointer) notes.push(`at ${first.source.pointer}`);
    if (parts.errors.length > 1) notes.push(`${parts.errors.length - 1} more error${parts.errors.length > 2 ? "s" : ""}`);
  } else {
    text = `${parts.statusText || "HTTP error"}: ${summarizeBody(parts.body)}`;
  }
  if (parts.page !== undefined) notes.push(`page ${parts.page}`);
  if (parts.requestId) notes.push(`request id ${parts.requestId}`);
  return `${parts.status} ${text}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** A one-line description of a body that is not the envelope. */
export function summarizeBody(body: unknown): string {
  if (body === undefined || body === null || body === "") return "empty response body";
  if (typeof body === "string") return summarizeText(body);
  if (isRecord(body)) {
    const said = [body.message, body.error, isRecord(body.error) ? body.error.message : undefined, body.detail, body.title].find(
      (value): value is string => typeof value === "string" && value.trim() !== "",
    );
    if (said) return clip(said);
  }
  return `JSON body ${clip(JSON.stringify(body) ?? String(body))}`;
}

function summarizeText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "blank response body";
  if (trimmed.startsWith("<")) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    const words = oneLine(title || trimmed.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " "));
    return `HTML body${words ? ` "${clip(words)}"` : ""} (not JSON: a proxy or gateway answered?)`;
  }
  return `non-JSON body "${clip(oneLine(trimmed))}"`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
