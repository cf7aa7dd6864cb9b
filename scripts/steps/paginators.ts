/**
 * Step: paginators, one typed wrapper per paged operation of the paging plan
 * (scripts/pagination/), whatever its page style, emitted with ts-morph as
 * structures (the writer only for the one-line bodies). Each wrapper passes
 * its `PageSpec` to the engine's entry for its style (`paginateByPageNumber`,
 * `paginateByCursor`, ... in src/paginate/), so a bundle holds only the styles
 * of the wrappers it uses; no paging logic lives in generated code. Its
 * query type leaves out the parameter the style owns (page number, offset or
 * cursor), its item type is the list's item schema.
 */
import type { StatementStructures } from "ts-morph";
import { claimName, functionName, pascalCase } from "../naming/identifiers.js";
import type { PagedOperation, PagingPlan } from "../pagination/index.js";
import { describePaging, ownedParam, PAGE_STYLES } from "../../src/paginate/page-styles.js";
import type { OutputFile } from "../output/output-file.js";
import { pointerOf } from "../spec/json-pointer.js";
import { escapeDoc, literal } from "../emit/emit-safety.js";
import { lazyRequire } from "../lazy-require.js";
import { operationLabel } from "../spec/operation-label.js";
import { asWritten, text } from "../spec/text.js";

const tsMorph = lazyRequire<typeof import("ts-morph")>("ts-morph");

export interface PaginatorsResult {
  file: OutputFile;
  paged: { name: string; method: string; path: string; style: string }[];
}

/** `runtime`: the import path from the output folder to the runtime's `src/` folder. */
export function generatePaginators(
  plan: PagingPlan,
  fileHeader: string,
  specLabel: string,
  runtime = "../src",
): PaginatorsResult {
  const { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } = tsMorph();
  const named = paginatorNames(plan, specLabel);
  const statements: (string | StatementStructures)[] = [];
  if (named.length > 0) {
    const entries = [...new Set(named.map(({ p }) => PAGE_STYLES[p.spec.style].entry))].sort();
    statements.push(
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: "openapi-fetch",
        namedImports: ["Client"],
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `${runtime}/paginate/index.js`,
        namedImports: [...entries, "type PaginateOptions", "type Paginator"],
      },
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: "./schema.js",
        namedImports: ["paths"],
      },
    );
  }
  for (const { name, p } of named) statements.push(...wrapper(name, p));
  if (named.length === 0) statements.push("export {};");
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const source = project.createSourceFile("paginators.ts", { statements });
  return {
    file: { path: "paginators.ts", content: `${fileHeader}\n${source.getFullText()}` },
    paged: named.map(({ name, p }) => ({
      name,
      method: p.op.method.toUpperCase(),
      path: p.op.path,
      style: p.spec.style,
    })),
  };
}

/** Each paged operation with its paginator's function name; two operations that get one name are an error naming both. */
export function paginatorNames(plan: PagingPlan, specLabel: string): { name: string; p: PagedOperation }[] {
  const owners = new Map<string, string>();
  return plan.paged.map((p) => {
    const name = functionName(text(p.op.operation.operationId), p.op.method, p.op.path);
    claimName(owners, name, operationLabel(p.op.method, p.op.path), {
      file: specLabel,
      pointer: pointerOf(["paths", p.op.path, p.op.method, "operationId"]),
    });
    return { name, p };
  });
}

function wrapper(name: string, p: PagedOperation): StatementStructures[] {
  const { StructureKind } = tsMorph();
  const { spec } = p;
  const type = pascalCase(name);
  const op = `paths[${literal(p.op.path)}][${literal(p.op.method)}]`;
  const owned = ownedParam(spec);
  const hasPath = p.op.parameters.some((param) => param.in === "path");
  const queryRequired = p.op.parameters.some(
    (param) => param.in === "query" && param.required === true && param.name !== owned && param.name !== spec.sizeParam,
  );
  const status = /^\d+$/.test(p.response.status) ? p.response.status : literal(p.response.status);
  const summary = asWritten(p.op.operation.summary);
  const description = asWritten(p.op.operation.description);
  const doc = [
    summary,
    description,
    `Pages through \`${operationLabel(p.op.method, p.op.path)}\` ${describePaging(PAGE_STYLES[spec.style].docs, spec)}, yielding the items of ${spec.items.length === 0 ? "the body" : `\`${spec.items.join(".")}\``}.`,
  ]
    .filter((s): s is string => s !== undefined)
    .join("\n\n");
  const query = `NonNullable<${op}["parameters"]["query"]>`;
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${type}Query`,
      docs: [
        owned === undefined
          ? `Query of {@link ${name}}: the operation's query (the paginator follows the next link).`
          : `Query of {@link ${name}}: the operation's query without \`${escapeDoc(owned)}\`, which the paginator owns.`,
      ],
      type: queryType(query, owned, p),
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${type}Page`,
      docs: [`One page (the ${escapeDoc(p.response.status)} body) of {@link ${name}}.`],
      type: `${op}["responses"][${status}]["content"][${literal(p.response.mediaType)}]`,
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${type}Item`,
      docs: [`One item of {@link ${name}}.`],
      type: `${spec.items.reduce((at, key) => `NonNullable<${at}[${literal(key)}]>`, `${type}Page`)}[number]`,
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name,
      docs: [{ description: escapeDoc(doc) }],
      parameters: [
        { name: "client", type: "Client<paths>" },
        ...(hasPath ? [{ name: "path", type: `${op}["parameters"]["path"]` }] : []),
        { name: "query", type: `${type}Query`, hasQuestionToken: !queryRequired },
        { name: "options", type: "PaginateOptions", hasQuestionToken: true },
      ],
      returnType: `Paginator<${type}Item, ${type}Page>`,
      statements: [
        `return ${PAGE_STYLES[spec.style].entry}<${type}Item, ${type}Page>(client, ${literal(spec)}, { ${hasPath ? "path, " : ""}query }, options);`,
      ],
    },
  ];
}

/**
 * The query type without the owned parameter: `Omit<Q, "page[number]">`, or
 * for a property of a deepObject parameter `page`, `Omit<Q, "page"> & { page?: Omit<NonNullable<Q["page"]>, "number"> }`
 * (the page size stays).
 */
function queryType(query: string, owned: string | undefined, p: PagedOperation): string {
  if (owned === undefined) return query;
  const object = p.spec.deepObject;
  if (object === undefined || !owned.startsWith(`${object}[`)) return `Omit<${query}, ${literal(owned)}>`;
  const property = owned.slice(object.length + 1, -1);
  const required = p.op.parameters.some(
    (param) => param.in === "query" && param.name === object && param.required === true,
  );
  return `Omit<${query}, ${literal(object)}> & { ${literal(object)}${required ? "" : "?"}: Omit<NonNullable<${query}[${literal(object)}]>, ${literal(property)}> }`;
}
