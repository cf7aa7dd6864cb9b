/**
 * What every style's detection reads: the spec, its envelope, the rules for
 * the whole spec, and, per operation, its success response and its own rules
 * (`x-pagination` merged with the config file's entry). A value comes from
 * the operation's rules first (forced: it must fit, or generation stops),
 * then from the spec-wide rules (used where it fits), then from detection.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { GenerateError, type Place } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import type { OperationRef } from "../spec/openapi-walk.js";
import type { Envelope } from "./envelope.js";
import type { SuccessResponse } from "./schema.js";
import { isUndeclaredHeader, type PagingRules, type RuleKey } from "./vocabulary.js";
import { operationLabel } from "../spec/operation-label.js";

export interface DetectContext {
  readonly doc: OpenApiDocument;
  /** The spec, as messages name it. */
  readonly file: string;
  /** Rules for the whole spec (the config file's `all`). */
  readonly all: PagingRules;
  readonly envelope: Envelope;
  /** Spec-wide rule keys that fit at least one operation (the others are errors: they match nothing). */
  readonly used: Set<RuleKey>;
}

export interface OperationInput {
  readonly op: OperationRef;
  readonly response: SuccessResponse;
  /** The operation's own rules (x-pagination and the config file), `{}` when it has none. */
  readonly rules: PagingRules;
  /** Where those rules are written, for errors. */
  readonly rulesLocation: Place;
}

/** The operation's own value for `key`, else the spec-wide one (marked used only when `fits` accepts it). */
export function ruleValue<K extends RuleKey>(
  ctx: DetectContext,
  input: OperationInput,
  key: K,
  fits: (value: Exclude<PagingRules[K], false | undefined>) => boolean,
): { value: PagingRules[K]; forced: boolean } | undefined {
  if (input.rules[key] !== undefined) return { value: input.rules[key], forced: true };
  const wide = ctx.all[key];
  if (wide === undefined || wide === false || !fits(wide as Exclude<PagingRules[K], false | undefined>))
    return undefined;
  ctx.used.add(key);
  return { value: wide, forced: false };
}

/**
 * Whether an operation's own locator rule fits. A header must be declared
 * in the response, else generation stops here (exit 2, naming where the rule
 * is written), unless the rule says `undeclared: true`: specs do leave response
 * headers out, and then the rule is taken as written. (A spec-wide header
 * rule applies only where the header is declared.)
 */
export function ownLocatorFits<L extends object>(
  input: OperationInput,
  key: RuleKey,
  locator: L,
  fits: (locator: L) => boolean,
): boolean {
  if (!("header" in locator)) return fits(locator);
  if (isUndeclaredHeader(locator) || fits(locator)) return true;
  const name = String(locator.header);
  throw ruleError(
    input,
    `${key} names the header ${name}, which the ${input.response.status} answer does not declare (declare it in the spec, or write { header: ${name}, undeclared: true } if the server sends it anyway)`,
  );
}

/** A forced rule that does not fit the operation: generation stops here. */
export function ruleError(
  input: { readonly op: OperationRef; readonly rulesLocation: Place },
  what: string,
): GenerateError {
  return new GenerateError(
    `${operationLabel(input.op.method, input.op.path)}: ${what}`,
    input.rulesLocation,
    "fix the rule, or remove it to let detection decide (README: Pagination rules)",
  );
}

/** Where the operation's x-pagination is, for errors about it. */
export function xPaginationLocation(ctx: DetectContext, op: OperationRef): Place {
  return { file: ctx.file, pointer: pointerOf(["paths", op.path, op.method, "x-pagination"]) };
}
