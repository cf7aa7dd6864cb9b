/**
 * The proof that `schema.ts` runs nothing when imported: it must parse
 * without errors and every top-level statement must be an interface or a type
 * alias, whatever strings the spec held. TypeScript's public compiler API: a
 * one-file Program (no lib, no module resolution, no disk) for the syntax
 * errors, and the source file's statements.
 */
import type * as TS from "typescript";
import { GenerateError } from "../errors.js";
import { lazyRequire } from "../lazy-require.js";

const typescript = lazyRequire<typeof TS>("typescript");
const FIX = "report this with the spec: a spec string reached the code unescaped";

/** Throws a GenerateError unless `code` parses cleanly and holds only interfaces and type aliases. */
export function assertTypesOnly(code: string, file: string): void {
  const ts = typescript();
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const host: TS.CompilerHost = {
    getSourceFile: (name) => (name === file ? source : undefined),
    fileExists: (name) => name === file,
    readFile: () => undefined,
    writeFile: () => {},
    getDefaultLibFileName: () => "lib.d.ts",
    getCurrentDirectory: () => "",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
  const program = ts.createProgram({ rootNames: [file], options: { noLib: true, noResolve: true, types: [] }, host });
  const [first] = program.getSyntacticDiagnostics(source);
  if (first) {
    const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
    throw new GenerateError(
      `generated ${file} does not parse (line ${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")})`,
      {},
      FIX,
    );
  }
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) {
      const { line } = source.getLineAndCharacterOfPosition(statement.getStart(source));
      const text = statement.getText(source).replace(/\s+/g, " ").slice(0, 60);
      throw new GenerateError(
        `generated ${file} has code at line ${line + 1} (${JSON.stringify(text)}): it may hold only types`,
        {},
        FIX,
      );
    }
  }
}
