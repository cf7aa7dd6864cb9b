/**
 * Making spec strings safe in generated code, and checking that they were.
 * Strings go in as literals (`literal`, `singleQuoted`), comment text goes
 * through `escapeDoc`, printed output through `escapeInvisibleBreaks`, and
 * `assertTypesOnly` proves schema.ts holds declarations only (a scanner pass
 * against a strict grammar, else a full parse).
 */
import { GenerateError } from "../errors.js";
import { loadTypescript } from "./shared-typescript.js";
import { scansAsTypeDeclarations } from "./type-declarations-scan.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Comment text can never close the comment; line separators become plain line breaks. */
export function escapeDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?|\u2028|\u2029/g, "\n").replace(LONE_SURROGATE, hex);
}

/** A double-quoted string literal for generated code (JSON, with U+2028/U+2029 escaped as well). */
export function literal(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, hex);
}

/** A single-quoted string literal (as openapi-typescript writes `components['schemas']['Name']`). */
export function singleQuoted(value: string): string {
  const inner = literal(value)
    .slice(1, -1)
    .replace(/\\(.)|'/gs, (whole, escaped: string | undefined) => (escaped === undefined ? "\\'" : escaped === '"' ? '"' : whole));
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

/**
 * Throws unless `code` parses without errors and every top-level statement is
 * an interface or a type alias: such a module has no runtime code at all, so
 * importing it runs nothing, whatever the spec said.
 */
export async function assertTypesOnly(code: string, file: string): Promise<void> {
  const ts = loadTypescript();
  // One scanner pass shows it for the usual output (see type-declarations-scan.ts); anything else is parsed.
  if (scansAsTypeDeclarations(ts, code)) return;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
    throw new GenerateError(`generated ${file} does not parse (line ${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText as string, " ")})`, {}, "report this with the spec: a spec string reached the code unescaped");
  }
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) {
      const { line } = source.getLineAndCharacterOfPosition(statement.getStart(source));
      const text = statement.getText(source).replace(/\s+/g, " ").slice(0, 60);
      throw new GenerateError(`generated ${file} has code at line ${line + 1} (${JSON.stringify(text)}): it may hold only types`, {}, "report this with the spec: a spec string reached the code unescaped");
    }
  }
}
