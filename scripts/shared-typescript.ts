/**
 * Start-up is most of a run's time, and TypeScript is most of start-up.
 * openapi-typescript uses TypeScript only for its AST factory and printer,
 * ts-morph bundles its own copy: loading both costs ~0.4 s. Here
 * openapi-typescript (its CommonJS build) is loaded so that its
 * `require("typescript")` gets ts-morph's copy. Only requests made from
 * openapi-typescript's own files are redirected. A test compares the output
 * with openapi-typescript running on its own TypeScript.
 */
import Module, { createRequire } from "node:module";
import { sep } from "node:path";

type OpenapiTypescript = typeof import("openapi-typescript");

const require = createRequire(import.meta.url);
let loaded: OpenapiTypescript | undefined;

interface ResolveFilename {
  _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string;
}

export function loadOpenapiTypescript(): OpenapiTypescript {
  if (loaded) return loaded;
  const sharedTs = require.resolve("@ts-morph/common/dist/typescript.js", { paths: [require.resolve("ts-morph")] });
  const marker = `${sep}openapi-typescript${sep}`;
  const resolver = Module as unknown as ResolveFilename;
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (request, parent, ...rest) {
    if (request === "typescript" && parent?.filename?.includes(marker)) return sharedTs;
    return original.call(this, request, parent, ...rest);
  };
  try {
    loaded = require("openapi-typescript") as OpenapiTypescript;
  } finally {
    resolver._resolveFilename = original;
  }
  return loaded;
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
