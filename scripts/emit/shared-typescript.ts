/**
 * Start-up is most of a run's time, and TypeScript is most of start-up.
 * openapi-typescript uses TypeScript only for its AST factory and printer,
 * ts-morph bundles its own copy: loading both costs ~0.4 s. Here
 * openapi-typescript (its CommonJS build) is loaded so that its
 * `require("typescript")` gets ts-morph's copy. Only requests made from
 * openapi-typescript's own files are redirected. The types step loads only the
 * transform and printer files (`loadOpenapiTransform`), and checks its output
 * with the same TypeScript (`loadTypescript`). A test compares the output with
 * openapi-typescript running on its own TypeScript.
 */
import Module, { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";

type OpenapiTypescript = typeof import("openapi-typescript");
/** The part of openapi-typescript the types step runs: its transform and its printer. */
export type OpenapiTransform = Pick<OpenapiTypescript, "transformSchema" | "scanDiscriminators" | "resolveRef" | "astToString" | "stringToAST">;

const require = createRequire(import.meta.url);
let loaded: OpenapiTypescript | undefined;
let transform: OpenapiTransform | undefined;

interface ResolveFilename {
  _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string;
}

export function loadOpenapiTypescript(): OpenapiTypescript {
  return (loaded ??= onSharedTypescript(() => require("openapi-typescript") as OpenapiTypescript));
}

/**
 * Only the files of openapi-typescript the types step needs (same modules as
 * in `loadOpenapiTypescript`, so the same code): its entry point would also
 * load its own, older @redocly/openapi-core for the parse/lint/bundle half
 * that `transformDocument` skips (~0.25 s of start-up on nothing).
 */
export function loadOpenapiTransform(): OpenapiTransform {
  return (transform ??= onSharedTypescript(() => {
    const dist = dirname(require.resolve("openapi-typescript"));
    const ts = require(join(dist, "lib", "ts.cjs")) as Pick<OpenapiTypescript, "astToString" | "stringToAST">;
    const utils = require(join(dist, "lib", "utils.cjs")) as Pick<OpenapiTypescript, "scanDiscriminators" | "resolveRef">;
    const transformSchema = require(join(dist, "transform", "index.cjs")) as OpenapiTypescript["transformSchema"];
    return { transformSchema, scanDiscriminators: utils.scanDiscriminators, resolveRef: utils.resolveRef, astToString: ts.astToString, stringToAST: ts.stringToAST };
  }));
}

/** ts-morph's TypeScript (the `ts` ts-morph exports), without loading ts-morph. */
export function loadTypescript(): typeof import("ts-morph").ts {
  return require(sharedTypescriptPath()) as typeof import("ts-morph").ts;
}

function sharedTypescriptPath(): string {
  return require.resolve("@ts-morph/common/dist/typescript.js", { paths: [require.resolve("ts-morph")] });
}

/** Runs `load` with openapi-typescript's `require("typescript")` answered by ts-morph's copy. */
function onSharedTypescript<T>(load: () => T): T {
  const sharedTs = sharedTypescriptPath();
  const marker = `${sep}openapi-typescript${sep}`;
  const resolver = Module as unknown as ResolveFilename;
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (request, parent, ...rest) {
    if (request === "typescript" && parent?.filename?.includes(marker)) return sharedTs;
    return original.call(this, request, parent, ...rest);
  };
  try {
    return load();
  } finally {
    resolver._resolveFilename = original;
  }
}

/**
 * The Redocly config openapi-typescript lints with before it transforms: no
 * rules. Our own lint step (Redocly 2, `redocly.yaml`) and load step have
 * already checked the spec; linting it again with another Redocly is only time.
 */
export async function noLintConfig(): Promise<NonNullable<Parameters<OpenapiTypescript["default"]>[1]>["redocly"]> {
  const fromOpenapiTs = createRequire(require.resolve("openapi-typescript"));
  const core = fromOpenapiTs("@redocly/openapi-core") as { createConfig(config: object): Promise<never> };
  return core.createConfig({ rules: {} });
}

type Options = NonNullable<Parameters<OpenapiTypescript["default"]>[1]>;
type Nodes = Awaited<ReturnType<OpenapiTypescript["default"]>>;

/**
 * openapi-typescript's `openapiTS()` without its front half: it would
 * stringify, parse, lint and bundle the document again, work the load and
 * lint steps have done (on the full Telnyx spec, about a third of the types
 * step). The document must be bundled already (internal refs only). The
 * context is built with the same defaults as `openapiTS()` in the pinned
 * version; a test compares the two outputs byte for byte.
 */
export function transformDocument(doc: object, options: Omit<Options, "redocly" | "cwd">): Nodes {
  const ota = loadOpenapiTransform();
  const schema = doc as Parameters<OpenapiTypescript["transformSchema"]>[0];
  const silent = options.silent ?? false;
  const ctx = {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: ota.scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: typeof options.postTransform === "function" ? options.postTransform : undefined,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    redoc: undefined as never,
    silent,
    inject: options.inject ?? undefined,
    transform: typeof options.transform === "function" ? options.transform : undefined,
    transformProperty: typeof options.transformProperty === "function" ? options.transformProperty : undefined,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve<T>($ref: string): T | undefined {
      return ota.resolveRef(schema, $ref, { silent }) as T | undefined;
    },
  };
  return ota.transformSchema(schema, ctx as Parameters<OpenapiTypescript["transformSchema"]>[1]);
}
