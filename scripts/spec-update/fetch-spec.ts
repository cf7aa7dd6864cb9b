/**
 * The text of the new spec, from a URL or a file, with a size limit and (for
 * URLs) a time limit. Failures are GenerateErrors that say what was tried.
 */
import { resolve } from "node:path";
import { GenerateError } from "../errors.js";
import { readRegularFile } from "../spec/read-file.js";

/** Telnyx's published spec: the file their SDK generators read, synced from their internal source. */
export const PUBLISHED_SPEC_URL = "https://raw.githubusercontent.com/team-telnyx/openapi/master/openapi/spec3.yml";
export const FETCH_TIMEOUT_MS = 60_000;

export async function fetchSpecText(from: string, maxBytes: number, cwd: string): Promise<string> {
  return /^https?:\/\//i.test(from) ? fetchUrl(from, maxBytes) : readLocal(resolve(cwd, from), from, maxBytes);
}

async function fetchUrl(url: string, maxBytes: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new GenerateError(
      `cannot download ${url}: ${cause}`,
      {},
      "check the URL and the network, or pass --from <file>",
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new GenerateError(
      `cannot download ${url}: HTTP ${response.status}`,
      {},
      "check the URL, or pass --from <file>",
    );
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A local file, read as every input file is (spec/read-file.ts): a regular file, within the size limit, no FIFO. */
function readLocal(path: string, shown: string, maxBytes: number): string {
  const bytes = readRegularFile(path, maxBytes, (problem) => {
    if (problem.kind === "not-a-file")
      return new GenerateError(`${shown} is not a regular file`, {}, "pass --from a spec file");
    if (problem.kind === "too-large") return tooLarge(shown, maxBytes);
    return new GenerateError(
      `cannot read ${shown}: ${problem.code ?? problem.why}`,
      {},
      "pass --from an existing file or an http(s) URL",
    );
  });
  return bytes.toString("utf8");
}

function tooLarge(what: string, maxBytes: number): GenerateError {
  return new GenerateError(
    `${what} is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB`,
    {},
    "pass --max-size <MB> if this spec is really that large",
  );
}
