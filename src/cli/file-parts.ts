/**
 * `--file field=@path` -> one multipart part: a File with the path's base
 * name and a content type (the spec's for the field, else from the
 * extension, else application/octet-stream). The path must be a readable
 * regular file of at most MAX_FILE_BYTES; anything else is a UsageError that
 * names the flag, the field and the path.
 */
import { type FileHandle, open, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { basename, extname } from "node:path";
import { UsageError } from "./usage-error.js";

/** The largest file sent (100 MiB, the largest upload the Telnyx API documents). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const TYPES: Record<string, string> = {
  ".aac": "audio/aac",
  ".csv": "text/csv",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".flac": "audio/flac",
  ".gif": "image/gif",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".json": "application/json",
  ".m4a": "audio/mp4",
  ".mp3": "audio/mpeg",
  ".mp4": "video/mp4",
  ".ogg": "audio/ogg",
  ".pdf": "application/pdf",
  ".pem": "application/x-pem-file",
  ".png": "image/png",
  ".rtf": "application/rtf",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".txt": "text/plain",
  ".wav": "audio/wav",
  ".webm": "audio/webm",
  ".xml": "application/xml",
};

export async function filePart(
  field: string,
  path: string,
  contentType: string | undefined,
  helpFor: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<File> {
  const fail = (why: string) => new UsageError(`--file ${field}=@${path}: ${why}`, helpFor);
  // Checked before opening: opening a FIFO would wait for a writer.
  let before: Stats;
  try {
    before = await stat(path);
  } catch (error) {
    throw fail(reason(error));
  }
  if (before.isDirectory()) throw fail("is a directory, not a file");
  if (!before.isFile()) throw fail("is not a regular file");
  if (before.size > maxBytes) throw fail(`is ${mb(before.size)}, over the ${mb(maxBytes)} limit`);
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw fail(reason(error));
  }
  try {
    const bytes = await handle.readFile();
    if (bytes.byteLength > maxBytes) throw fail(`is over the ${mb(maxBytes)} limit`);
    const type = contentType ?? TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
    return new File([bytes], basename(path), { type });
  } catch (error) {
    throw error instanceof UsageError ? error : fail(reason(error));
  } finally {
    await handle.close();
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "cannot read it (permission denied)";
  if (code === "EISDIR") return "is a directory, not a file";
  return `cannot read it (${code ?? (error as Error).message})`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
