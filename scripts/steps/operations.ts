/**
 * Step: operations, one typed function per operation of the spec
 * (`retrieveMessagingProfile(client, { params: { path: { id } } })`), emitted
 * with ts-morph as structures (the writer only for the one-line bodies).
 * Each calls the runtime's `callOperation` (src/operation.ts) with its method
 * and path; its signature names the operation's type directly
 * (`paths["/messaging_profiles/{id}"]["get"]`), so a consumer's compiler reads
 * one operation where `client.GET(path, ...)` searches every path of the spec.
 *
 * Names: the operationId camelCased, as for paginators (naming/identifiers.ts).
 * A paginated operation's paginator keeps that name (`listVoiceClones`), and
 * its one-page call gets `Page` after it (`listVoiceClonesPage`). Names that
 * would collide get `_2`, `_3`, ... by the rule of `operationNames`.
 */
import type { StatementStructures } from "ts-morph";
import type { OpenApiDocument } from "../spec/bundle.js";
import { functionName } from "../naming/identifiers.js";
import type { PagingPlan } from "../pagination/index.js";
import type { OutputFile } from "../output/output-file.js";
import { byCodeUnit, deref, isObject, listOperations, type OperationRef } from "../spec/openapi-walk.js";
import { escapeDoc, literal } from "../emit/emit-safety.js";
import { lazyRequire } from "../lazy-require.js";
import { paginatorNames } from "./paginators.js";

const tsMorph = lazyRequire<typeof import("ts-morph")>("ts-morph");

/** `runtime`: the import path from the output folder to the runtime's `src/` folder. */
export function generateOperations(doc: OpenApiDocument, plan: PagingPlan, fileHeader: string, specLabel: string, runtime = "../src"): OutputFile {
  const { IndentationText, NewLineKind, Project, QuoteKind } = tsMorph();
  const named = operationNames(doc, plan, specLabel);
  const statements: (string | StatementStructures)[] = [];
  if (named.length > 0) {
    const { StructureKind } = tsMorph();
    statements.push(
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: `${runtime}/operation.js`, namedImports: ["callOperation", "type OperationInit", "type OperationResult"] },
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] },
    );
  } else statements.push("export {};");
  for (const { name, op, paginator } of named) statements.push(operationFunction(doc, name, op, paginator));
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double, useTrailingCommas: true },
  });
  const source = project.createSourceFile("operations.ts", { statements });
  return { path: "operations.ts", content: `${fileHeader}\n${source.getFullText()}` };
}

/**
 * Each operation (path order, then method order) with its function's name.
 * Paginator names are taken first; then, among operations that want one name
 * (`getMdrUsageReports` and `GetMdrUsageReports`), the one whose operationId
 * is that name keeps it, then the others by operationId in code-unit order,
 * each taking the first free of `name`, `name_2`, `name_3`, ...
 */
export function operationNames(doc: OpenApiDocument, plan: PagingPlan, specLabel: string): { name: string; op: OperationRef; paginator?: string | undefined }[] {
  const taken = new Set(paginatorNames(plan, specLabel).map(({ name }) => name));
  const wanted = listOperations(doc).map((op) => {
    const id = typeof op.operation.operationId === "string" ? op.operation.operationId : undefined;
    const base = functionName(id, op.method, op.path);
    const paginator = plan.get(op) === undefined ? undefined : base;
    return { op, id: id ?? `${op.method} ${op.path}`, want: paginator === undefined ? base : `${base}Page`, paginator, name: "" };
  });
  const exact = (w: (typeof wanted)[number]) => (w.id === w.want ? 0 : 1);
  for (const w of [...wanted].sort((a, b) => exact(a) - exact(b) || byCodeUnit(a.id, b.id))) {
    w.name = w.want;
    for (let n = 2; taken.has(w.name); n++) w.name = `${w.want}_${n}`;
    taken.add(w.name);
  }
  return wanted.map(({ name, op, paginator }) => ({ name, op, paginator }));
}

function operationFunction(doc: OpenApiDocument, name: string, op: OperationRef, paginator: string | undefined): StatementStructures {
  const { StructureKind } = tsMorph();
  const type = `paths[${literal(op.path)}][${literal(op.method)}]`;
  const summary = typeof op.operation.summary === "string" && op.operation.summary.trim() !== "" ? op.operation.summary : undefined;
  const call = `\`${op.method.toUpperCase()} ${op.path}\`${paginator === undefined ? "" : ` (one page; {@link ${paginator}} walks them all)`}: one request, answered as \`{ data, error, response }\`.`;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name,
    docs: [{ description: escapeDoc([summary, call].filter((s) => s !== undefined).join("\n\n")) }],
    parameters: [
      { name: "client", type: "Client<paths>" },
      { name: "init", type: `OperationInit<${type}>`, hasQuestionToken: !needsInit(doc, op) },
    ],
    returnType: `Promise<OperationResult<${type}>>`,
    statements: [`return callOperation(client, ${literal(op.method)}, ${literal(op.path)}, init);`],
  };
}

/** Whether the call must pass `init`: a path parameter, a required query, header or cookie parameter, or a required body. */
function needsInit(doc: OpenApiDocument, op: OperationRef): boolean {
  if (op.parameters.some((param) => param.in === "path" || param.required === true)) return true;
  const body = deref(doc, op.operation.requestBody);
  return isObject(body) && body.required === true;
}
