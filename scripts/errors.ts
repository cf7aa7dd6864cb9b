/**
 * The one error type of the generator: bad input (an unreadable, unsafe or
 * invalid spec, lint errors, bad arguments). It names the file, the place
 * (line/column or JSON pointer) and what to do; the CLI prints it and exits 2.
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

  /** `file:line:col (#/pointer): message` and, when known, a `fix:` line. */
  format(): string {
    const { file, line, column, pointer } = this.place;
    let where = file ?? "";
    if (file && line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ""}`;
    if (pointer) where += where ? ` (${pointer})` : pointer;
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.fix ? `${head}\n  fix: ${this.fix}` : head;
  }
}

/** Escapes one JSON-pointer token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds `#/a/b~1c` from tokens. */
export function pointerOf(tokens: ReadonlyArray<string | number>): string {
  return `#${tokens.map((t) => `/${pointerToken(t)}`).join("")}`;
}
