/**
 * Step 4, paginators: one typed wrapper per page-number list operation,
 * emitted with ts-morph as structures (the writer only for the one-line
 * bodies). Each wrapper calls the engine in src/paginate.ts; no paging logic
 * lives in generated code.
 */
import type { StatementStructures } from "ts-morph";
import type { OpenApiDocument } from "../spec/bundle.js";
import { claimName, functionName, pascalCase } from "../naming/identifiers.js";
import { listOperations } from "../spec/openapi-walk.js";
import { detectPagination, pageSpecOf, type PagedOperation } from "../pagination/detect.js";
import type { OutputFile } from "../output/output-file.js";
import { pointerOf } from "../spec/json-pointer.js";
import { escapeDoc, literal } from "../emit/emit-safety.js";
import { lazyRequire } from "../lazy-require.js";
import { totalItemsField } from "../cli-data/columns.js";

const tsMorph = lazyRequire<typeof import("ts-morph")>("ts-morph");

export interface PaginatorsResult {
  file: OutputFile;
  paged: { name: string; method: string; path: string }[];
  skipped: { method: string; path: string; reason: string }[];
}

/** `runtime`: the import path from the output folder to the runtime's `src/` folder. */
export function generatePaginators(doc: OpenApiDocument, fileHeader: string, specLabel: string, runtime = "../src"): PaginatorsResult {
  const { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } = tsMorph();
  const paged: PagedOperation[] = [];
  const skipped: PaginatorsResult["skipped"] = [];
  for (const op of listOperations(doc)) {
    const found = detectPagination(doc, op, specLabel);
    if ("paged" in found) paged.push(found.paged);
    else if ("skipped" in found) skipped.push({ method: op.method.toUpperCase(), path: op.path, reason: found.skipped });
  }
  const owners = new Map<string, string>();
  const named = paged.map((p) => {
    const name = functionName(str(p.op.operation.operationId), p.op.method, p.op.path);
    claimName(owners, name, `${p.op.method.toUpperCase()} ${p.op.path}`, { file: specLabel, pointer: pointerOf(["paths", p.op.path, p.op.method, "operationId"]) });
    return { name, p };
  });
  const statements: (string | StatementStructures)[] = [];
  if (named.length > 0) {
    statements.push(
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: `${runtime}/paginate/index.js`, namedImports: ["paginate", "type PaginateOptions", "type Paginator"] },
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] },
    );
  }
  for (const { name, p } of named) statements.push(...wrapper(doc, name, p));
  if (named.length === 0) statements.push("export {};");
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double, useTrailingCommas: true },
  });
  const source = project.createSourceFile("paginators.ts", { statements });
  return {
    file: { path: "paginators.ts", content: `${fileHeader}\n${source.getFullText()}` },
    paged: named.map(({ name, p }) => ({ name, method: p.op.method.toUpperCase(), path: p.op.path })),
    skipped,
  };
}

function wrapper(doc: OpenApiDocument, name: string, p: PagedOperation): StatementStructures[] {
  const { StructureKind } = tsMorph();
  const type = pascalCase(name);
  const op = `paths[${literal(p.op.path)}][${literal(p.op.method)}]`;
  const hasPath = p.op.parameters.some((param) => param.in === "path");
  const queryRequired = p.op.parameters.some((param) => param.in === "query" && param.required === true && param.name !== p.pageParam && param.name !== p.sizeParam);
  const spec = pageSpecOf(p, totalItemsField(doc, p));
  const summary = str(p.op.operation.summary);
  const description = str(p.op.operation.description);
  const text = [summary, description, `Pages through \`${p.op.method.toUpperCase()} ${p.op.path}\` by \`${p.pageParam}\`, yielding the items of \`${p.items}\`.`]
    .filter((s): s is string => s !== undefined)
    .join("\n\n");
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${type}Query`,
      docs: [`Query of {@link ${name}}: the operation's query without \`${escapeDoc(p.pageParam)}\`, which the paginator owns.`],
      type: `Omit<NonNullable<${op}["parameters"]["query"]>, ${literal(p.pageParam)}>`,
    },
    { kind: StructureKind.TypeAlias, isExported: true, name: `${type}Page`, docs: [`One page (the 200 body) of {@link ${name}}.`], type: `${op}["responses"][200]["content"][${literal(p.mediaType)}]` },
    { kind: StructureKind.TypeAlias, isExported: true, name: `${type}Item`, docs: [`One item of {@link ${name}}.`], type: `NonNullable<${type}Page[${literal(p.items)}]>[number]` },
    {
      kind: StructureKind.Function,
      isExported: true,
      name,
      docs: [{ description: escapeDoc(text) }],
      parameters: [
        { name: "client", type: "Client<paths>" },
        ...(hasPath ? [{ name: "path", type: `${op}["parameters"]["path"]` }] : []),
        { name: "query", type: `${type}Query`, hasQuestionToken: !queryRequired },
        { name: "options", type: "PaginateOptions", hasQuestionToken: true },
      ],
      returnType: `Paginator<${type}Item, ${type}Page>`,
      statements: [`return paginate<${type}Item, ${type}Page>(client, ${literal(spec)}, { ${hasPath ? "path, " : ""}query }, options);`],
    },
  ];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
