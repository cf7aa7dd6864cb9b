/**
 * The one error type of the generator: bad input or environment (an
 * unreadable, unsafe or invalid spec, lint errors, bad arguments, an output
 * folder that cannot be written). It names the file, the place (line/column
 * or JSON pointer) and what to do; the CLI prints it and exits 2.
 */
export interface Place {
  /** File the problem is in, relative to the working directory where possible. */
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the document, e.g. `#/paths/~1voice_clones/get`. */
  pointer?: string;
}

export class GenerateError extends Error {
  override readonly name = "GenerateError";
  readonly place: Place;
  readonly fix: string | undefined;

  constructor(message: string, place: Place = {}, fix?: string) {
    super(message);
    this.place = place;
    this.fix = fix;
  }

  /** `file:line:col (#/pointer): message` (see formatPlace) and, when known, a `fix:` line. */
  format(): string {
    const where = formatPlace(this.place);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.fix ? `${head}\n  fix: ${this.fix}` : head;
  }
}

/** A column past this means a long line: its line and column say little, the pointer says where. */
export const LONG_LINE_COLUMN = 120;

/**
 * `file:line:col (#/pointer)` for a YAML spec; for a JSON spec, or a place far
 * into a long line (a one-line JSON file puts everything on line 1), the JSON
 * pointer leads: `#/pointer in file:line:col`, without line and column on a long line.
 */
export function formatPlace({ file, line, column, pointer }: Place): string {
  const position = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : "";
  if (pointer && file && (/\.json$/i.test(file) || (column ?? 0) > LONG_LINE_COLUMN)) {
    return `${pointer} in ${file}${(column ?? 0) > LONG_LINE_COLUMN ? "" : position}`;
  }
  const where = `${file ?? ""}${file ? position : ""}`;
  if (!pointer) return where;
  return where ? `${where} (${pointer})` : pointer;
}
