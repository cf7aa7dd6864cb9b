/**
 * The runtime entry: the client, the paging engine, the errors, webhook
 * verification, and the generated paginators and per-operation functions.
 * Type-only consumers import "<package>/types" instead.
 */
export * from "./runtime.js";
export * from "../generated/paginators.js";
export * from "../generated/operations.js";
