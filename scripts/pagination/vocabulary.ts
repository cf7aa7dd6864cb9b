/**
 * The one vocabulary for paging overrides, shared by `x-pagination` on an
 * operation and by the pagination config file (scripts/pagination/config.ts).
 * Its keys are the runtime's `PageSpec` fields (src/paginate/types.ts):
 *
 *   style        page-number | offset | cursor | next-link (per operation only)
 *   items        property path of the list: `data`, `_embedded.*` (`*`: the one
 *                array property there), `[]` for a body that is the array
 *   pageParam, sizeParam, offsetParam, cursorParam    query parameter names
 *   firstPage, firstOffset                            numbers (default 1 and 0)
 *   pageNumber, totalPages, totalItems, hasMore, next locators: a path in the
 *                body (`meta.total_pages`) or `{ header: X-Total-Count }`; a
 *                header the response does not declare is an error unless the
 *                rule says `undeclared: true` (the spec forgot it)
 *   nextCursor   a locator, or `{ lastItem: id }` (a field of the page's last item)
 *
 * A path is a dotted string or a list of property names (for names with dots).
 * Per operation, any locator, `sizeParam`, `nextCursor` or `next` may be
 * `false`: the operation has none (detection will not look for one).
 */
import type { Locator, PageStyleName } from "../../src/paginate/index.js";
import { PAGE_STYLE_NAMES } from "../../src/paginate/page-styles.js";
import { GenerateError, type Place } from "../errors.js";
import { pointerToken } from "../spec/json-pointer.js";
import { isObject } from "../spec/openapi-walk.js";
import type { PropertyPath } from "./schema.js";

export type CursorLocator = Locator | { readonly lastItem: PropertyPath };

export interface PagingRules {
  style?: PageStyleName;
  items?: PropertyPath;
  pageParam?: string;
  sizeParam?: string | false;
  offsetParam?: string;
  cursorParam?: string;
  firstPage?: number;
  firstOffset?: number;
  pageNumber?: Locator | false;
  totalPages?: Locator | false;
  totalItems?: Locator | false;
  hasMore?: Locator | false;
  nextCursor?: CursorLocator | false;
  next?: Locator | false;
}

export type RuleKey = keyof PagingRules;

const PARAMS = ["pageParam", "sizeParam", "offsetParam", "cursorParam"] as const;
const NUMBERS = ["firstPage", "firstOffset"] as const;
const LOCATORS = ["pageNumber", "totalPages", "totalItems", "hasMore", "next"] as const;
export const RULE_KEYS: readonly RuleKey[] = ["style", "items", ...PARAMS, ...NUMBERS, ...LOCATORS, "nextCursor"];
/** Keys an operation may set to `false` (it has none). */
const MAY_BE_FALSE: readonly string[] = ["sizeParam", ...LOCATORS, "nextCursor"];

/** Where a set of rules is written: how messages name it (`x-pagination`, `operations.listThings`). */
export interface RulesSource {
  /** How messages name the object, e.g. `x-pagination`. */
  readonly name: string;
  readonly place: Place;
  /** Rules for the whole spec: no `style`, no `false`. */
  readonly specWide?: boolean;
}

const VOCABULARY_HELP = `keys: ${RULE_KEYS.join(", ")} (README: Pagination rules)`;

/** Reads one rules object (or `false`: no paginator); every mistake is a GenerateError naming the key. */
export function readRules(value: unknown, source: RulesSource): PagingRules | false {
  const at = (key: string | undefined): Place =>
    key === undefined || source.place.pointer === undefined
      ? source.place
      : { ...source.place, pointer: `${source.place.pointer}/${pointerToken(key.split(".")[0]!)}` };
  const fail = (key: string | undefined, what: string, fix = VOCABULARY_HELP) =>
    new GenerateError(`${key === undefined ? source.name : `${source.name}.${key}`} ${what}`, at(key), fix);
  if (value === false && !source.specWide) return false;
  if (!isObject(value))
    throw fail(undefined, `must be ${source.specWide ? "" : "false or "}an object, got ${JSON.stringify(value)}`);
  if ("meta" in value)
    throw fail("meta", "is replaced by pageNumber and totalPages, each a path in the body", metaMigration(value.meta));
  const out: PagingRules = {};
  for (const [key, raw] of Object.entries(value)) {
    const bad = (what: string) => fail(key, what);
    if (!RULE_KEYS.includes(key as RuleKey))
      throw fail(
        key,
        `is not a known key (known: ${RULE_KEYS.join(", ")})`,
        "use one of the known keys (README: Pagination rules)",
      );
    if (raw === false && !source.specWide && MAY_BE_FALSE.includes(key)) {
      (out as Record<string, unknown>)[key] = false;
      continue;
    }
    if (key === "style") {
      if (source.specWide)
        throw fail(
          key,
          "belongs to an operation, not to the whole spec",
          "move it to the operation's entry under operations",
        );
      if (!PAGE_STYLE_NAMES.includes(raw as PageStyleName))
        throw bad(`must be one of ${PAGE_STYLE_NAMES.join(", ")}, got ${JSON.stringify(raw)}`);
      out.style = raw as PageStyleName;
    } else if (key === "items") {
      out.items = readPath(raw, true, bad);
    } else if ((PARAMS as readonly string[]).includes(key)) {
      if (typeof raw !== "string" || raw === "") throw bad("must be a query parameter's name");
      (out as Record<string, unknown>)[key] = raw;
    } else if ((NUMBERS as readonly string[]).includes(key)) {
      if (!Number.isSafeInteger(raw) || (raw as number) < 0)
        throw bad(`must be a whole number >= 0, got ${JSON.stringify(raw)}`);
      (out as Record<string, unknown>)[key] = raw;
    } else if (key === "nextCursor" && isObject(raw) && "lastItem" in raw) {
      if (Object.keys(raw).length !== 1) throw bad("takes only lastItem, as { lastItem: id }");
      out.nextCursor = { lastItem: readPath(raw.lastItem, false, (what) => fail("nextCursor.lastItem", what)) };
    } else {
      (out as Record<string, unknown>)[key] = readLocator(raw, bad);
    }
  }
  return out;
}

/** What to write instead of the old `meta: { key, pageNumber, totalPages }` (or `meta: false`). */
function metaMigration(meta: unknown): string {
  if (meta === false) return "write pageNumber: false, totalPages: false instead of meta: false";
  const old = isObject(meta) ? meta : {};
  const key = typeof old.key === "string" ? old.key : "meta";
  const moved = (["pageNumber", "totalPages"] as const)
    .filter((name) => typeof old[name] === "string")
    .map((name) => `${name}: ${key}.${old[name] as string}`);
  return moved.length > 0
    ? `write ${moved.join(", ")} instead of meta`
    : "remove meta (write pageNumber and totalPages paths if detection finds the wrong ones)";
}

/** `meta.total_pages` or `[meta, total_pages]`; `[]` only where the body itself makes sense (items). */
function readPath(raw: unknown, isItems: boolean, fail: (what: string) => GenerateError): PropertyPath {
  const shape = isItems
    ? "a dotted path (data, _embedded.*) or a list of property names ([] for a body that is the array)"
    : "a dotted path (meta.next) or a list of property names";
  const path = typeof raw === "string" ? raw.split(".") : raw;
  if (!Array.isArray(path) || !path.every((part) => typeof part === "string" && part !== ""))
    throw fail(`must be ${shape}, got ${JSON.stringify(raw)}`);
  if (path.length === 0 && !isItems) throw fail("must name at least one property");
  if (!isItems && path.includes("*")) throw fail("cannot use *: name the property");
  return path as string[];
}

/**
 * Header locators written with `undeclared: true`: the operation's response
 * has the header although the spec does not declare it. Kept beside the
 * locator, not in it, since the locator is the runtime's (and is emitted).
 */
const undeclaredHeaders = new WeakSet<Locator>();

/** Whether a header rule says the header is sent although the spec does not declare it. */
export function isUndeclaredHeader(locator: object): boolean {
  return undeclaredHeaders.has(locator as Locator);
}

function readLocator(raw: unknown, fail: (what: string) => GenerateError): Locator {
  if (isObject(raw)) {
    const keys = Object.keys(raw);
    const undeclared = keys.length === 2 && raw.undeclared === true;
    if ((keys.length === 1 || undeclared) && typeof raw.header === "string" && raw.header !== "") {
      const locator = { header: raw.header.toLowerCase() };
      if (undeclared) undeclaredHeaders.add(locator);
      return locator;
    }
    if (keys.length === 1 && "body" in raw) return { body: readPath(raw.body, false, fail) };
    throw fail(
      `must be a path in the body (meta.total), { body: path }, { header: name } or { header: name, undeclared: true }, got ${JSON.stringify(raw)}`,
    );
  }
  return { body: readPath(raw, false, fail) };
}

/** A rule's value as the file writes it: `meta.next`, `header x-total-count`, `lastItem id`. */
export function showRule(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "[]" : value.join(".");
  if (isObject(value) && "header" in value) return `header ${String(value.header)}`;
  if (isObject(value) && "body" in value) return showRule(value.body);
  if (isObject(value) && "lastItem" in value) return `lastItem ${showRule(value.lastItem)}`;
  return String(value);
}

/** Rules of the operation: the config file's keys win over `x-pagination`'s, key by key. */
export function mergeRules(
  fromSpec: PagingRules | undefined,
  fromConfig: PagingRules | undefined,
): PagingRules | undefined {
  if (fromSpec === undefined) return fromConfig;
  if (fromConfig === undefined) return fromSpec;
  return { ...fromSpec, ...fromConfig };
}
