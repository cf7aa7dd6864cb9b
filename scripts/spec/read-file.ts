/**
 * Reading an input file safely, the one way every untrusted input is read
 * (the spec, the files its refs name, the pagination config): opened
 * without blocking (a FIFO must not hang), then fstat on what was opened: a
 * regular file only (not a device such as /dev/zero, a FIFO or a socket),
 * at most `maxBytes`, checked before reading and again after.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

/** Why a file was not read: the caller turns it into its own GenerateError. */
export type ReadProblem =
  | { kind: "not-a-file" }
  | { kind: "too-large"; size: number }
  | { kind: "unreadable"; code: string | undefined; why: string };

const PLAIN: Record<string, string> = { ENOENT: "no such file", EACCES: "permission denied", EISDIR: "it is a folder" };

export function readRegularFile(path: string, maxBytes: number, fail: (problem: ReadProblem) => Error): Buffer {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fail({ kind: "not-a-file" });
    if (stat.size > maxBytes) throw fail({ kind: "too-large", size: stat.size });
    bytes = readFileSync(fd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    const code = error.code;
    throw fail({
      kind: "unreadable",
      code,
      why: code ? `${PLAIN[code] ? `${PLAIN[code]} ` : ""}(${code})` : error.message,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.length > maxBytes) throw fail({ kind: "too-large", size: bytes.length });
  return bytes;
}

/** A failure of the file system call itself (it has an errno code), not one of ours. */
function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    typeof (error as NodeJS.ErrnoException).syscall === "string"
  );
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
