/**
 * Paging detection for a whole spec, run once per operation; its result (the
 * plan) feeds both the paginators step and the commands step. Reads each
 * operation's `x-pagination` and the config file's rules
 * (scripts/pagination/config.ts), and checks that every spec-wide rule of
 * the config fits at least one operation.
 */
import type { PageStyleName } from "../../src/paginate/index.js";
import { PAGE_STYLE_NAMES } from "../../src/paginate/page-styles.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { GenerateError } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { listOperations, type OperationRef } from "../spec/openapi-walk.js";
import { operationKey, rulesByOperation, type PagingConfig } from "./config.js";
import { xPaginationLocation, type DetectContext } from "./context.js";
import { detectOperation, type PagedOperation } from "./detect.js";
import { envelopeOf } from "./envelope.js";
import { mergeRules, readRules, RULE_KEYS, showRule, type PagingRules } from "./vocabulary.js";

export type { PagedOperation } from "./detect.js";

export interface PagingPlan {
  /** Operations that get a paginator, in the spec's order (path, then method). */
  readonly paged: readonly PagedOperation[];
  /** GETs that look like lists or page, but get no paginator, and why. */
  readonly skipped: readonly { method: string; path: string; reason: string }[];
  /** The paged operation `method path`, if it is one. */
  get(op: { method: string; path: string }): PagedOperation | undefined;
  /** How many paginators of each style. */
  readonly styles: Readonly<Record<PageStyleName, number>>;
}

export function detectPaging(doc: OpenApiDocument, file: string, config?: PagingConfig): PagingPlan {
  const operations = listOperations(doc);
  const configured = config ? rulesByOperation(config, operations) : new Map();
  const ctx: DetectContext = {
    doc,
    file,
    all: config?.all ?? {},
    envelope: envelopeOf(doc, operations),
    used: new Set(),
  };
  const paged: PagedOperation[] = [];
  const skipped: PagingPlan["skipped"][number][] = [];
  for (const op of operations) {
    const fromSpec = xPagination(ctx, op);
    const entry = configured.get(operationKey(op));
    if (op.method !== "get") continue;
    if (fromSpec === false || entry?.rules === false) {
      skipped.push({
        method: "GET",
        path: op.path,
        reason: fromSpec === false ? "x-pagination: false" : `false in ${config!.file} (operations.${entry!.key})`,
      });
      continue;
    }
    const own = mergeRules(fromSpec, entry?.rules);
    const found = detectOperation(ctx, op, own, entry?.place ?? xPaginationLocation(ctx, op));
    if ("paged" in found) paged.push(found.paged);
    else if ("skipped" in found) skipped.push({ method: "GET", path: op.path, reason: found.skipped });
  }
  if (config) checkAllUsed(config, ctx);
  const byKey = new Map(paged.map((p) => [operationKey(p.op), p]));
  const styles = Object.fromEntries(PAGE_STYLE_NAMES.map((s) => [s, 0])) as Record<PageStyleName, number>;
  for (const p of paged) styles[p.spec.style]++;
  return { paged, skipped, get: (op) => byKey.get(operationKey(op)), styles };
}

/** The operation's `x-pagination`, read with the vocabulary; rules on anything but a GET are an error. */
function xPagination(ctx: DetectContext, op: OperationRef): PagingRules | false | undefined {
  const value = op.operation["x-pagination"];
  if (value === undefined || (value === false && op.method !== "get")) return undefined;
  const place = xPaginationLocation(ctx, op);
  if (op.method !== "get")
    throw new GenerateError(
      "x-pagination is only supported on GET operations",
      place,
      "remove x-pagination from this operation",
    );
  return readRules(value, { name: "x-pagination", place });
}

/** A spec-wide rule that fits no operation is a mistake (a typo, or a rule the spec outgrew). */
function checkAllUsed(config: PagingConfig, ctx: DetectContext): void {
  const unused = RULE_KEYS.find((key) => config.all[key] !== undefined && !ctx.used.has(key));
  if (unused === undefined) return;
  throw new GenerateError(
    `all.${unused} (${showRule(config.all[unused])}) matches no GET operation of the spec`,
    { file: config.file, pointer: pointerOf(["all", unused]) },
    "fix the rule so it names what the spec has, or remove it",
  );
}
