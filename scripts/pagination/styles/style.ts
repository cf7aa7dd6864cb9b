/**
 * What one page style's detection looks like (one file per style beside
 * this one): its request side (the parameters, or the link, it pages by)
 * and, given the list, the `PageSpec` it emits. Plus the part every style
 * shares: the page-size parameter and its bounds.
 */
import type { PageSpec, PageStyleName } from "../../../src/paginate/index.js";
import type { DetectContext, OperationInput } from "../context.js";
import { findParam, sizeBounds } from "../params.js";
import type { PropertyPath } from "../schema.js";
import type { RuleKey } from "../vocabulary.js";

export type Outcome<T> = T | { reason: string };

export interface FoundList {
  readonly items: PropertyPath;
  readonly itemSchema: unknown;
}

/** A style's request side: the query parameter it pages by, if any, and what else it found. */
export interface Request {
  readonly param?: string;
}

export interface PageStyle<R extends Request = Request> {
  readonly name: PageStyleName;
  /** Whether an operation's rules imply this style by the keys they give (`given`: some of these keys are set, not `false`). */
  impliedBy(given: (...keys: RuleKey[]) => boolean): boolean;
  /** The style's request side, undefined when the operation shows none of it. */
  request(ctx: DetectContext, input: OperationInput): Outcome<R> | undefined;
  /** The paging spec, from the request side and the response (or why the response does not fit). */
  spec(ctx: DetectContext, input: OperationInput, request: R, list: FoundList): Outcome<PageSpec>;
}

export function failed<T extends object>(outcome: Outcome<T>): outcome is { reason: string } {
  return "reason" in outcome;
}

/** The page-size parameter (not `taken`, the style's own) and its bounds, when the operation has one. */
export function pageSize(
  ctx: DetectContext,
  input: OperationInput,
  taken: string | undefined,
): { sizeParam?: string; minSize?: number; maxSize?: number } {
  const found = findParam(ctx, input, "sizeParam");
  if (found === undefined || "reason" in found || found.name === taken) return {};
  return { sizeParam: found.name, ...sizeBounds(ctx, found.param) };
}
