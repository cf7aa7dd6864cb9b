/**
 * Step: types. openapi-typescript's Node API (`openapiTS()` on the bundled
 * document, then `astToString()`) turns the spec into `schema.ts` (paths,
 * components, operations), plus root aliases without a prefix
 * (`VoiceCloneData`) named by our rule (identifiers.ts) and written by us,
 * since openapi-typescript's own neither escapes names nor avoids collisions.
 * Its output is then checked to hold types only: nothing in it runs. How we
 * call openapi-typescript, and what we mend in its output, is in
 * workarounds/openapi-typescript.ts.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { escapeInvisibleBreaks, singleQuoted } from "../emit/emit-safety.js";
import { assertTypesOnly } from "../emit/types-only.js";
import { GenerateError } from "../errors.js";
import { lazyRequire } from "../lazy-require.js";
import { checkOperationIds, rootAliases } from "../naming/identifiers.js";
import { requestTypeHooks } from "./request-types.js";
import { arraysToDefer } from "./type-cycles.js";
import type { OutputFile } from "../output/output-file.js";
import { nameOf, transformDocument, WITH_REQUIRED, withRequiredFixed } from "../workarounds/openapi-typescript.js";

const openapiTypescript = lazyRequire<typeof import("openapi-typescript")>("openapi-typescript");
/** The TypeScript openapi-typescript builds its syntax trees with (its peer dependency: this project's `typescript`). */
const typescript = lazyRequire<typeof import("typescript")>("typescript");

export async function generateTypes(doc: OpenApiDocument, fileHeader: string, specLabel: string): Promise<OutputFile> {
  checkOperationIds(doc, specLabel);
  const { astToString } = openapiTypescript();
  const { factory } = typescript();
  const deferred = deferredArrays(doc, specLabel);
  const replaced = new Map<string, unknown>();
  const references = new WeakSet<object>();
  let nodes: Awaited<ReturnType<typeof transformDocument>>;
  try {
    nodes = await transformDocument(doc as never, {
      // Defaulted properties optional where the client sends them; multipart files as Blob (see request-types.ts).
      ...requestTypeHooks(doc, factory),
      // An array on a self-referring loop becomes a reference to an interface (see arraysToDefer).
      postTransform(type, options) {
        const name = options.path === undefined ? undefined : deferred.get(options.path);
        const element = (type as { elementType?: object }).elementType;
        if (name === undefined || element === undefined || references.has(element)) return undefined;
        replaced.set(name, element);
        const reference = factory.createTypeReferenceNode(name);
        references.add(reference);
        return reference;
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const at = / at (#\/\S*)$/.exec(message);
    throw new GenerateError(
      `openapi-typescript cannot turn the spec into types: ${message}`,
      { file: specLabel, pointer: at?.[1] },
      "fix the spec at that place",
    );
  }
  const { nodes: kept, usesWithRequired } = withRequiredFixed(nodes);
  const split = kept.findIndex((node) => nameOf(node) === "components") + 1;
  const print = (part: typeof kept) => (part.length > 0 ? astToString(part).replace(/\r\n?/g, "\n") : "");
  const missed = [...deferred.values()].find((name) => !replaced.has(name));
  if (missed !== undefined)
    throw new GenerateError(
      `a self-referring array (${missed}) has a form the generator cannot defer (nullable?)`,
      { file: specLabel },
      "make the array a plain `type: array` with `items`",
    );
  const interfaces = [...replaced]
    .map(([name, element]) => `export interface ${name} extends Array<${astToString(element as never).trim()}> {\n}\n`)
    .join("");
  const body = escapeInvisibleBreaks(
    print(kept.slice(0, split)) +
      aliasLines(doc.components) +
      interfaces +
      print(kept.slice(split)) +
      (usesWithRequired ? WITH_REQUIRED : ""),
  );
  assertTypesOnly(body, "schema.ts");
  return { path: "schema.ts", content: `${fileHeader}\n${body}` };
}

/** `export type VoiceCloneData = components['schemas']['VoiceCloneData'];`, one per component. */
function aliasLines(components: unknown): string {
  return rootAliases(components)
    .map(
      ({ kind, name, alias }) => `export type ${alias} = components[${singleQuoted(kind)}][${singleQuoted(name)}];\n`,
    )
    .join("");
}

/** openapi-typescript path of each array to defer -> the interface name standing for it (`Json_Array`, `Json_Array2`, ...). */
function deferredArrays(doc: OpenApiDocument, specLabel: string): Map<string, string> {
  const owners = arraysToDefer(doc, specLabel);
  const aliases = new Map(
    rootAliases(doc.components)
      .filter((a) => a.kind === "schemas")
      .map((a) => [a.name, a.alias]),
  );
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const path of [...owners.keys()].sort()) {
    const base = `${aliases.get(owners.get(path)!) ?? "Schema"}_Array`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    names.set(path, name);
  }
  return names;
}
