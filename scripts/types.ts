/**
 * Step 3, types: openapi-typescript's Node API turns the bundled document into
 * `schema.ts` (paths, components, operations and root aliases without a
 * prefix, such as `VoiceCloneData`). Types only: nothing in it runs.
 */
import { loadOpenapiTypescript, noLintConfig } from "./shared-typescript.js";
import type { OpenApiDocument } from "./bundle.js";
import { GenerateError } from "./errors.js";
import type { OutputFile } from "./output-file.js";

export async function generateTypes(doc: OpenApiDocument, fileHeader: string, specLabel: string): Promise<OutputFile> {
  const { default: openapiTS, astToString } = loadOpenapiTypescript();
  let ast;
  try {
    ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
      rootTypes: true,
      rootTypesNoSchemaPrefix: true,
      silent: true,
      redocly: await noLintConfig(),
    });
  } catch (error) {
    const message = (error as Error).message;
    const at = / at (#\/\S*)$/.exec(message);
    throw new GenerateError(`openapi-typescript: ${message}`, { file: specLabel, pointer: at?.[1] }, "fix the spec at that place");
  }
  const body = astToString(ast).replace(/\r\n?/g, "\n");
  return { path: "schema.ts", content: `${fileHeader}\n${body}` };
}
