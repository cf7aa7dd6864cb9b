/**
 * One document with internal refs only, for the types and paginator steps.
 * A single-file spec is already that; a multi-file spec is bundled by Redocly
 * from the files the load step read (no other file, no URL).
 */
import type { LoadedSpec } from "./load.js";
import { GenerateError } from "./errors.js";

export type OpenApiDocument = Record<string, unknown>;

export async function bundleSpec(spec: LoadedSpec): Promise<OpenApiDocument> {
  if (spec.files.size === 1) return spec.root.parsed as OpenApiDocument;
  const { bundle, createConfig } = await import("@redocly/openapi-core");
  const { PreloadedResolver, createDocuments } = await import("./preloaded-resolver.js");
  const docs = createDocuments(spec);
  const result = await bundle({
    doc: docs.get(spec.root.path)!,
    externalRefResolver: new PreloadedResolver(docs),
    config: await createConfig({}),
    dereference: false,
  });
  const error = result.problems.find((p) => p.severity === "error");
  if (error) throw new GenerateError(`bundling failed: ${error.message}`, { file: spec.root.path, pointer: error.location[0] && "pointer" in error.location[0] ? error.location[0].pointer : undefined });
  return result.bundle.parsed as OpenApiDocument;
}
