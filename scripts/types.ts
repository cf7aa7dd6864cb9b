/**
 * Step 3, types: openapi-typescript's Node API turns the bundled document into
 * `schema.ts` (paths, components, operations), plus root aliases without a
 * prefix (`VoiceCloneData`) named by our rule (identifiers.ts) and written by
 * us, since openapi-typescript's own neither escapes names nor avoids
 * collisions. Its output is then checked to hold types only: nothing in it runs.
 */
import { loadOpenapiTypescript, noLintConfig } from "./shared-typescript.js";
import type { OpenApiDocument } from "./bundle.js";
import { assertTypesOnly, escapeInvisibleBreaks, singleQuoted } from "./emit-safety.js";
import { GenerateError } from "./errors.js";
import { checkOperationIds, rootAliases } from "./identifiers.js";
import type { OutputFile } from "./output-file.js";

/**
 * openapi-typescript's helper is `WithRequired<T, K extends keyof T>`, which
 * fails to compile when T is a union or may be undefined (keyof is `never`).
 * Ours means the same where that one compiles and accepts the rest.
 */
const WITH_REQUIRED = "type WithRequired<T, K extends PropertyKey> = T & {\n    [P in K & keyof T]-?: T[P];\n};\n";

export async function generateTypes(doc: OpenApiDocument, fileHeader: string, specLabel: string): Promise<OutputFile> {
  checkOperationIds(doc, specLabel);
  const { default: openapiTS, astToString } = loadOpenapiTypescript();
  let nodes;
  try {
    // A copy: openapi-typescript's bundler changes the document it is given.
    const ast = await openapiTS(structuredClone(doc) as unknown as Parameters<typeof openapiTS>[0], {
      rootTypes: false,
      silent: true,
      redocly: await noLintConfig(),
    });
    nodes = Array.isArray(ast) ? ast : [ast];
  } catch (error) {
    const message = (error as Error).message;
    const at = / at (#\/\S*)$/.exec(message);
    throw new GenerateError(`openapi-typescript cannot turn the spec into types: ${message}`, { file: specLabel, pointer: at?.[1] }, "fix the spec at that place");
  }
  const usesWithRequired = nodes.some((node) => nameOf(node) === "WithRequired");
  const kept = nodes.filter((node) => nameOf(node) !== "WithRequired");
  const split = kept.findIndex((node) => nameOf(node) === "components") + 1;
  const print = (part: typeof kept) => (part.length > 0 ? astToString(part).replace(/\r\n?/g, "\n") : "");
  const body = escapeInvisibleBreaks(print(kept.slice(0, split)) + aliasLines(doc.components) + print(kept.slice(split)) + (usesWithRequired ? WITH_REQUIRED : ""));
  await assertTypesOnly(body, "schema.ts");
  return { path: "schema.ts", content: `${fileHeader}\n${body}` };
}

/** `export type VoiceCloneData = components['schemas']['VoiceCloneData'];`, one per component. */
function aliasLines(components: unknown): string {
  return rootAliases(components)
    .map(({ kind, name, alias }) => `export type ${alias} = components[${singleQuoted(kind)}][${singleQuoted(name)}];\n`)
    .join("");
}

/** The declared name of a top-level node (interface or type alias), if any. */
function nameOf(node: unknown): string | undefined {
  const name = (node as { name?: { escapedText?: unknown; text?: unknown } }).name;
  const text = name?.escapedText ?? name?.text;
  return typeof text === "string" ? text : undefined;
}
