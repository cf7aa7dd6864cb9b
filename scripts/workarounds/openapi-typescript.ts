/**
 * Where this project works around openapi-typescript (7.13), in one place,
 * each with its test in test/workarounds/openapi-typescript.test.ts that
 * fails when openapi-typescript changes the behaviour worked around:
 *
 * 1. `openapiTS()` bundles (and so changes) the document it is given, and
 *    the later steps read that document: `transformDocument` hands it a copy.
 *    (`openapiTS()` also lints and bundles again a document our bundle step
 *    already made: about 2 s on Telnyx's spec. Its exported `transformSchema`
 *    would skip that, but only with a copy of `openapiTS()`'s own context
 *    defaults, which this project does not keep; see docs/benchmarks.md.)
 * 2. Its helper `WithRequired<T, K extends keyof T>` fails to compile when T
 *    is a union or may be undefined (keyof is `never`). `withRequiredFixed`
 *    drops its declaration and says whether ours (`WITH_REQUIRED`: the same
 *    type where that one compiles, and it accepts the rest) is needed.
 */
import type { OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import type ts from "typescript";
import { lazyRequire } from "../lazy-require.js";

const openapiTypescript = lazyRequire<typeof import("openapi-typescript")>("openapi-typescript");

/** The options this project sets; everything else is openapiTS()'s default. */
export type TransformOptions = Pick<
  OpenAPITSOptions,
  "defaultNonNullable" | "transform" | "transformProperty" | "postTransform"
>;

/** `openapiTS()` on a copy of the bundled document, quietly. */
export async function transformDocument(doc: OpenAPI3, options: TransformOptions): Promise<ts.Node[]> {
  const { default: openapiTS } = openapiTypescript();
  return openapiTS(structuredClone(doc), { silent: true, ...options });
}

/** Ours: the same as openapi-typescript's `WithRequired` where that one compiles, and it accepts unions and undefined. */
export const WITH_REQUIRED =
  "type WithRequired<T, K extends PropertyKey> = T & {\n    [P in K & keyof T]-?: T[P];\n};\n";

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
