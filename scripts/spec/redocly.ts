/** @redocly/openapi-core (lint, bundle, config, resolver), loaded on first use (see lazy-require.ts). */
import { lazyRequire } from "../lazy-require.js";

export const redocly = lazyRequire<typeof import("@redocly/openapi-core")>("@redocly/openapi-core");
