/**
 * The runtime entry: the client, the paging engine, the errors, webhook
 * verification, and the generated paginators and per-operation functions.
 * Type-only consumers import "<package>/types" instead.
 */
export * from "./client.js";
export * from "./errors.js";
export * from "./operation.js";
export * from "./paginate/index.js";
export * from "./webhooks/index.js";
export * from "../generated/paginators.js";
export * from "../generated/operations.js";
