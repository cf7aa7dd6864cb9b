/**
 * Making spec strings safe to put into generated code. Strings go in as
 * JSON.stringify literals; comment text goes through `escapeDoc`.
 */

/** Comment text can never close the comment or start a new line of code. */
export function escapeDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?|\u2028|\u2029/g, "\n");
}

/** A string literal for generated code (JSON is valid TypeScript; U+2028/9 escaped for older parsers). */
export function literal(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
