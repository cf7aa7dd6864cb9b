/**
 * The runtime's own exports: the client, the paging engine, the errors and
 * webhook verification. The runtime entry (`index.ts`) exports them beside
 * the generated paginators and per-operation functions, whose names the
 * generator keeps clear of these (scripts/naming/identifiers.ts reads them
 * from here).
 */
export * from "./client.js";
export * from "./errors.js";
export * from "./operation.js";
export * from "./paginate/index.js";
export * from "./webhooks/index.js";
