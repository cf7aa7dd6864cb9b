/**
 * `--dry-run`: the client is given this `fetch`, which prints the request it
 * is handed (the very one the client built: method, URL with the query,
 * headers, body) and sends nothing. Sensitive headers show as `***`, and the
 * API key is removed from everything else (redact.ts). A multipart body is
 * listed part by part (name, file name, content type, size) rather than as
 * bytes; a JSON body is indented; other bodies are shown as text when they
 * are text, else by their size. After printing, it aborts the call, so the
 * client makes no retry and the paginator no second request.
 */
import { redactHeaders, redactText } from "../redact.js";
import type { Print } from "./output/item-writer.js";
import { safeText } from "./terminal-text.js";

export interface DryRun {
  fetch(request: Request): Promise<Response>;
  /** Aborted once the request is printed: the call's signal. */
  readonly signal: AbortSignal;
  /** The request has been printed: the call's abort is the dry run's end, not a failure. */
  done(): boolean;
}

export function dryRun(print: Print, secret: string, callSignal: AbortSignal): DryRun {
  const controller = new AbortController();
  callSignal.addEventListener("abort", () => controller.abort(callSignal.reason), { once: true });
  let printed = false;
  return {
    signal: controller.signal,
    done: () => printed,
    async fetch(request) {
      const text = await describeRequest(request);
      print(safeText(redactText(text, secret)));
      printed = true;
      controller.abort();
      throw new DOMException("dry run: nothing sent", "AbortError");
    },
  };
}

export async function describeRequest(request: Request): Promise<string> {
  const headers = Object.entries(redactHeaders(request.headers)).map(([name, value]) => `${name}: ${value}`);
  return [`${request.method} ${request.url}`, ...headers, "", ...(await bodyLines(request)), ""].join("\n");
}

async function bodyLines(request: Request): Promise<string[]> {
  if (request.body === null) return [];
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const lines: string[] = [];
    form.forEach((value, name) => {
      lines.push(
        typeof value === "string"
          ? `part ${name}: ${JSON.stringify(value)}`
          : `part ${name}: file ${JSON.stringify(value.name)} (${value.type || "no content type"}, ${value.size} bytes)`,
      );
    });
    return lines;
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return [`(${bytes.byteLength} bytes of binary data)`];
  }
  if (/json/i.test(type)) {
    try {
      return [JSON.stringify(JSON.parse(text), null, 2)];
    } catch {}
  }
  return [text];
}
