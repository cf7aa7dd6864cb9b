/**
 * Where this project works around openapi-typescript (7.13), in one place,
 * each with its test in test/workarounds/openapi-typescript.test.ts that
 * fails when openapi-typescript changes the behaviour worked around:
 *
 * 1. `openapiTS()` lints (Redocly's `minimal` rules) and bundles the document
 *    again before it transforms it: two walks of a 4 MB spec (about 2 s)
 *    that a document our bundle step made gains nothing from. So
 *    `transformDocument` calls its exported `transformSchema` with the
 *    context `openapiTS()` would build, without the Redocly config, which
 *    only the lint and the bundle read.
 * 2. The transform changes the document it is given (`scanDiscriminators`
 *    adds each discriminator's value as an enum to its subschemas), and the
 *    later steps read the document: it gets a copy.
 * 3. Its helper `WithRequired<T, K extends keyof T>` fails to compile when T
 *    is a union or may be undefined (keyof is `never`). `withRequiredFixed`
 *    drops its declaration and says whether ours (`WITH_REQUIRED`: the same
 *    type where that one compiles, and it accepts the rest) is needed.
 */
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import type ts from "typescript";
import { lazyRequire } from "../lazy-require.js";

const openapiTypescript = lazyRequire<typeof import("openapi-typescript")>("openapi-typescript");

/** The options this project sets; everything else is openapiTS()'s default. */
export type TransformOptions = Pick<OpenAPITSOptions, "defaultNonNullable" | "transform" | "transformProperty" | "postTransform">;

/** What `openapiTS(doc, { silent: true, ...options })` returns for a bundled document, without Redocly's two walks. */
export function transformDocument(doc: OpenAPI3, options: TransformOptions): ts.Node[] {
  const { transformSchema, scanDiscriminators, resolveRef } = openapiTypescript();
  const schema = structuredClone(doc);
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as GlobalContext["redoc"], // read only by openapiTS()'s lint and bundle
    silent: true,
    inject: undefined,
    transform: options.transform,
    transformProperty: options.transformProperty,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
  return transformSchema(schema, ctx);
}

/** Ours: the same as openapi-typescript's `WithRequired` where that one compiles, and it accepts unions and undefined. */
export const WITH_REQUIRED = "type WithRequired<T, K extends PropertyKey> = T & {\n    [P in K & keyof T]-?: T[P];\n};\n";

/** The nodes without openapi-typescript's `WithRequired`, and whether the types use it (then WITH_REQUIRED goes at the end). */
export function withRequiredFixed(nodes: readonly ts.Node[]): { nodes: ts.Node[]; usesWithRequired: boolean } {
  const kept = nodes.filter((node) => nameOf(node) !== "WithRequired");
  return { nodes: kept, usesWithRequired: kept.length < nodes.length };
}

/** The declared name of a top-level node (interface or type alias), if any. */
export function nameOf(node: unknown): string | undefined {
  const name = (node as { name?: { escapedText?: unknown; text?: unknown } }).name;
  const text = name?.escapedText ?? name?.text;
  return typeof text === "string" ? text : undefined;
}
