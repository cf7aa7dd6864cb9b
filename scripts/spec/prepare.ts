/**
 * The document every code step reads: the loaded spec bundled into one
 * document (bundle.ts), with the config beside the spec read once and its
 * operation names applied (duplicate operationIds settled by
 * naming/operation-ids.ts). `generate` and `api-diff` both start here, so
 * both see the same operations under the same names.
 */
import { dirname } from "node:path";
import { shownPath } from "../paths.js";
import { pagingConfigPath, readPagingConfig, type PagingConfig } from "../pagination/config.js";
import { settleOperationIds, type Renamed } from "../naming/operation-ids.js";
import { bundleSpec, type OpenApiDocument } from "./bundle.js";
import type { LoadedSpec } from "./load.js";

/** Where a spec is and how messages name it: what is needed to find the config file beside it. */
export interface SpecPlace {
  /** Absolute path of the root spec file. */
  spec: string;
  /** The config file given with `--pagination`, if any. */
  config?: string | undefined;
  cwd: string;
  specLabel: string;
}

export interface PreparedSpec {
  doc: OpenApiDocument;
  /** Recursive schemas the bundle made components. */
  hoisted: string[];
  /** The config beside the spec (or given), if there is one. */
  config: PagingConfig | undefined;
  /** Operations whose operationId the run changed (a duplicate, or a name from the config). */
  renamed: Renamed[];
}

export async function prepareSpec(spec: LoadedSpec, place: SpecPlace): Promise<PreparedSpec> {
  const config = readConfigBeside(place);
  const bundled = await bundleSpec(spec);
  const { doc, renamed } = settleOperationIds(bundled.doc, config?.operationIds ?? new Map(), place.specLabel);
  return { doc, hoisted: bundled.hoisted, config, renamed };
}

/** The config file given, else `pagination.yaml` beside the spec when there is one. */
export function readConfigBeside(place: SpecPlace): PagingConfig | undefined {
  const file = pagingConfigPath(place.spec, place.config);
  // The file found beside the spec must stay in the spec's folder; one given with --pagination is the caller's choice.
  return file === undefined
    ? undefined
    : readPagingConfig(file, shownPath(place.cwd, file), place.config === undefined ? dirname(place.spec) : undefined);
}
