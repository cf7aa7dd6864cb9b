/**
 * The runtime entry: the client, the paging engine, the errors, webhook
 * verification and the generated paginators. Type-only consumers import
 * "<package>/types" instead.
 */
export * from "./client.js";
export * from "./errors.js";
export * from "./paginate/index.js";
export * from "./webhooks/index.js";
export * from "../generated/paginators.js";
