/**
 * Making spec strings safe in generated code. Strings go in as literals
 * (`literal`, `singleQuoted`), comment text goes through `escapeDoc`, printed
 * output through `escapeInvisibleBreaks`; types-only.ts then checks schema.ts.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Comment text can never close the comment; line separators become plain line breaks. */
export function escapeDoc(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(LONE_SURROGATE, hex);
}

/** A double-quoted string literal for generated code (JSON, with U+2028/U+2029 escaped as well). */
export function literal(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, hex);
}

/** A single-quoted string literal (as openapi-typescript writes `components['schemas']['Name']`). */
export function singleQuoted(value: string): string {
  const inner = literal(value)
    .slice(1, -1)
    .replace(/\\(.)|'/gs, (whole, escaped: string | undefined) =>
      escaped === undefined ? "\\'" : escaped === '"' ? '"' : whole,
    );
  return `'${inner}'`;
}

/**
 * Printed TypeScript -> the same code with U+2028, U+2029 and lone surrogates
 * written as `\u` escapes. They can only be inside string literals or comments
 * there, where the escape means the same (or reads the same), and the file stays
 * valid UTF-8 with no invisible line breaks.
 */
export function escapeInvisibleBreaks(code: string): string {
  return code.replace(/[\u2028\u2029]/g, hex).replace(LONE_SURROGATE, hex);
}
