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
import { takesMultipartOnly } from "./multipart-operations.js";
import { paginatorNames } from "./paginators.js";
import { operationLabel } from "../spec/operation-label.js";
import { asWritten } from "../spec/text.js";

const tsMorph = lazyRequire<typeof import("ts-morph")>("ts-morph");

/** `runtime`: the import path from the output folder to the runtime's `src/` folder. */
export function generateOperations(
  doc: OpenApiDocument,
  plan: PagingPlan,
  fileHeader: string,
  specLabel: string,
  runtime = "../src",
): OutputFile {
  const { IndentationText, NewLineKind, Project, QuoteKind } = tsMorph();
  const named = operationNames(doc, plan, specLabel);
  const statements: (string | StatementStructures)[] = [];
  if (named.length > 0) {
    const { StructureKind } = tsMorph();
    statements.push(
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: "openapi-fetch",
        namedImports: ["Client"],
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `${runtime}/operation.js`,
        namedImports: ["callOperation", "type CallOptions", "type OperationResult"],
      },
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: "./schema.js",
        namedImports: ["paths"],
      },
    );
  } else statements.push("export {};");
  for (const { name, op, paginator } of named) statements.push(operationFunction(doc, name, op, paginator));
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
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
export function operationNames(
  doc: OpenApiDocument,
  plan: PagingPlan,
  specLabel: string,
): { name: string; op: OperationRef; paginator?: string | undefined }[] {
  const taken = new Set(paginatorNames(plan, specLabel).map(({ name }) => name));
  const wanted = listOperations(doc).map((op) => {
    const id = typeof op.operation.operationId === "string" ? op.operation.operationId : undefined;
    const base = functionName(id, op.method, op.path);
    const paginator = plan.get(op) === undefined ? undefined : base;
    return {
      op,
      id: id ?? `${op.method} ${op.path}`,
      want: paginator === undefined ? base : `${base}Page`,
      paginator,
      name: "",
    };
  });
  const exact = (w: (typeof wanted)[number]) => (w.id === w.want ? 0 : 1);
  for (const w of [...wanted].sort((a, b) => exact(a) - exact(b) || byCodeUnit(a.id, b.id))) {
    w.name = w.want;
    for (let n = 2; taken.has(w.name); n++) w.name = `${w.want}_${n}`;
    taken.add(w.name);
  }
  return wanted.map(({ name, op, paginator }) => ({ name, op, paginator }));
}

function operationFunction(
  doc: OpenApiDocument,
  name: string,
  op: OperationRef,
  paginator: string | undefined,
): StatementStructures {
  const { StructureKind } = tsMorph();
  const type = `paths[${literal(op.path)}][${literal(op.method)}]`;
  const summary = asWritten(op.operation.summary);
  const call = `\`${operationLabel(op.method, op.path)}\`${paginator === undefined ? "" : ` (one page; {@link ${paginator}} walks them all)`}: one request, answered as \`{ data, error, response }\`.`;
  const paramsRequired = op.parameters.some((param) => param.in === "path" || param.required === true);
  const body = requestBody(doc, op, type);
  return {
    kind: StructureKind.Function,
    isExported: true,
    name,
    docs: [{ description: escapeDoc([summary, call].filter((s) => s !== undefined).join("\n\n")) }],
    parameters: [
      { name: "client", type: "Client<paths>" },
      {
        name: "init",
        type: `CallOptions & { params${paramsRequired ? "" : "?"}: ${type}["parameters"]; ${body.member} }`,
        hasQuestionToken: !paramsRequired && !body.required,
      },
    ],
    returnType: `Promise<OperationResult<${responseBodies(doc, op, type, OK_STATUSES)}, ${responseBodies(doc, op, type, ERROR_STATUSES)}>>`,
    // A multipart-only operation says so: its body goes as multipart/form-data, with a file or without.
    statements: [
      `return callOperation(client, ${literal(op.method)}, ${literal(op.path)}, init${takesMultipartOnly(doc, op) ? ', "multipart/form-data"' : ""});`,
    ],
  };
}

/**
 * The statuses openapi-fetch reads as `data` and as `error` (openapi-typescript-helpers' `OkStatus` and
 * `ErrorStatus`), so that a function's types say what `client.GET` says of the same operation.
 */
const OK_STATUSES = new Set(["200", "201", "202", "203", "204", "206", "207", "2XX"]);
const ERROR_STATUSES = new Set([
  ..."500 501 502 503 504 505 506 507 508 510 511 5XX".split(" "),
  ..."400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 420 421 422 423 424 425 426 427 428 429 430 431 444 450 451 497 498 499 4XX".split(
    " ",
  ),
  "default",
]);

/** The union of the bodies of the operation's responses with one of `statuses`: each media type's schema, `undefined` for a response without content, `never` for none. */
function responseBodies(doc: OpenApiDocument, op: OperationRef, type: string, statuses: ReadonlySet<string>): string {
  const responses = deref(doc, op.operation.responses);
  if (!isObject(responses)) return "never";
  const bodies = Object.keys(responses)
    .filter((status) => statuses.has(status))
    .flatMap((status) => {
      const at = `${type}["responses"][${/^\d+$/.test(status) ? status : literal(status)}]`;
      const content = deref(doc, (deref(doc, responses[status]) as { content?: unknown } | undefined)?.content);
      const media = isObject(content) ? Object.keys(content).filter((m) => m.includes("/")) : [];
      return media.length === 0 ? ["undefined"] : media.map((m) => `${at}["content"][${literal(m)}]`);
    });
  return bodies.length === 0 ? "never" : [...new Set(bodies)].join(" | ");
}

/** `body: ...` of the init: the request body's schema per media type, optional unless the spec requires it; `body?: never` when there is none. */
function requestBody(doc: OpenApiDocument, op: OperationRef, type: string): { member: string; required: boolean } {
  const body = deref(doc, op.operation.requestBody);
  const content = isObject(body) ? deref(doc, body.content) : undefined;
  const media = isObject(content) ? Object.keys(content).filter((m) => m.includes("/")) : [];
  if (!isObject(body) || media.length === 0) return { member: "body?: never", required: false };
  const required = body.required === true;
  const schemas = media.map((m) => `NonNullable<${type}["requestBody"]>["content"][${literal(m)}]`).join(" | ");
  return { member: `body${required ? "" : "?"}: ${schemas}`, required };
}
