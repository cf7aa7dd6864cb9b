/**
 * The request body a command sends, from `--data` and the body flags:
 * - JSON: `--data` (JSON text, `@file.json`, or `-` for stdin) is the base
 *   object, the body flags are merged over it (the flags win);
 * - form-urlencoded: the same object, sent as `a=1&b=2`;
 * - multipart/form-data: the same object's fields as text parts, plus one
 *   file part per `--file field=@path` (file-parts.ts), in a FormData whose
 *   boundary fetch sets;
 * - any other media type: `--data` as is (text, or the bytes of `@file`).
 * A required body property that neither gives is a UsageError naming its flag.
 */
import { readFile } from "node:fs/promises";
import { isRecord } from "../is-record.js";
import type { CommandSpec } from "./command-spec.js";
import { filePart } from "./file-parts.js";
import type { Io } from "./io.js";
import type { ParsedCommand } from "./parse-command.js";
import { UsageError } from "./usage-error.js";

export interface RequestBody {
  /** What fetch sends: a JSON string, form text, FormData, or bytes. */
  body: string | FormData | Uint8Array;
  /** The Content-Type to send; none for FormData (fetch sets it, with the boundary). */
  contentType?: string;
}

export async function requestBody(
  command: CommandSpec,
  parsed: ParsedCommand,
  io: Io,
  helpFor: string,
): Promise<RequestBody | undefined> {
  const spec = command.body;
  if (spec === undefined) return undefined;
  const type = spec.mediaType.split(";")[0]!.trim().toLowerCase();
  const json = /^application\/(?:[\w.+-]+\+)?json$/.test(type);
  const structured = json || type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
  if (!structured) {
    if (parsed.data === undefined) return undefined;
    return {
      body: await dataBytes(parsed.data, io, helpFor),
      contentType: type === "*/*" ? "application/octet-stream" : spec.mediaType,
    };
  }
  const hasFields = Object.keys(parsed.body).length > 0 || parsed.files.length > 0;
  if (
    parsed.data === undefined &&
    !hasFields &&
    !spec.required &&
    !command.flags.some((f) => f.in === "body" && f.required)
  )
    return undefined;
  const base =
    parsed.data === undefined
      ? {}
      : parseJson(new TextDecoder().decode(await dataBytes(parsed.data, io, helpFor)), helpFor);
  // A JSON body may be an array or a scalar when no flag is merged into it; a form's fields are an object's.
  if (!isRecord(base) && (hasFields || !json))
    throw new UsageError(
      `--data: expected a JSON object${hasFields ? " (the body flags are merged into it)" : ""}, got ${describe(base)}`,
      helpFor,
    );
  const merged: unknown = isRecord(base) ? { ...base, ...parsed.body } : base;
  if (isRecord(merged)) checkRequired(command, merged, parsed, helpFor);
  if (type === "multipart/form-data")
    return { body: await formData(command, merged as Record<string, unknown>, parsed, helpFor) };
  if (type === "application/x-www-form-urlencoded")
    return { body: formText(merged as Record<string, unknown>), contentType: spec.mediaType };
  return { body: JSON.stringify(merged), contentType: spec.mediaType };
}

function checkRequired(
  command: CommandSpec,
  body: Record<string, unknown>,
  parsed: ParsedCommand,
  helpFor: string,
): void {
  for (const flag of command.flags) {
    if (flag.in === "body" && flag.required && body[flag.param] === undefined) {
      throw new UsageError(
        `missing required flag --${flag.flag}${flag.enum ? ` (allowed values: ${flag.enum.map(String).join(", ")})` : ""} (or "${flag.param}" in --data)`,
        helpFor,
      );
    }
  }
  for (const file of command.body?.files ?? []) {
    if (file.required && body[file.field] === undefined && !parsed.files.some((f) => f.field === file.field)) {
      throw new UsageError(`missing required --file ${file.field}=@<path>`, helpFor);
    }
  }
}

async function formData(
  command: CommandSpec,
  fields: Record<string, unknown>,
  parsed: ParsedCommand,
  helpFor: string,
): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null) form.append(name, partText(v));
  for (const { field, path } of parsed.files) {
    const spec = command.body?.files?.find((f) => f.field === field);
    const part = await filePart(field, path, spec?.contentType, helpFor);
    form.append(field, part, part.name);
  }
  return form;
}

function formText(fields: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null) form.append(name, partText(v));
  return form.toString();
}

/** A field's text: strings as they are, anything else as JSON. */
function partText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `--data`'s bytes: inline text, `@path`, or `-` for stdin. */
async function dataBytes(data: string, io: Io, helpFor: string): Promise<Uint8Array> {
  if (data === "-") return new TextEncoder().encode(await io.readStdin());
  if (!data.startsWith("@")) return new TextEncoder().encode(data);
  try {
    return await readFile(data.slice(1));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (code ?? (error as Error).message);
    throw new UsageError(`--data ${data}: cannot read the file (${why})`, helpFor);
  }
}

function parseJson(text: string, helpFor: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data: not valid JSON (${(error as Error).message.split("\n")[0]})`, helpFor);
  }
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
