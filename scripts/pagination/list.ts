/**
 * The list of a paged response: the array that is the body's main payload.
 *
 * 1. An `items` rule (the operation's, else the spec-wide one where it fits).
 * 2. A body that is an array is the list (`[]`); a body that is one of
 *    several bodies (`oneOf`/`anyOf`, no properties of its own) has the list
 *    every one of them has at the same path, if they agree.
 * 3. Otherwise the candidates are the body's array properties and, HAL-style,
 *    the arrays inside an `_embedded` object:
 *    - one named after the path's last segment (`/v1/pickups` -> `pickups`) wins;
 *    - a conventional list property (`data`, `items`, `results`, ...) that is
 *      an object, not an array, means the payload is not a list (a single
 *      resource, or a map of lists): no list;
 *    - on a path that ends in a parameter (`/things/{id}`: one resource),
 *      only those two kinds of array are lists;
 *    - arrays of links (items with `href`) and arrays of the spec's envelope
 *      (scripts/pagination/envelope.ts: `errors`, `messages`, ...) are not lists,
 *      but an array with a conventional payload name (`data`, `items`, ...)
 *      always is a candidate, and wins over the others when it is the only one;
 *      when several arrays are all in the envelope, one that at most half as
 *      many paths carry as any other (`objects` beside `errors`) is the list;
 *    - exactly one candidate left is the list; none or several: no list, and the
 *      reason names them.
 */
import { deref, isObject, schemaProperties } from "../spec/openapi-walk.js";
import { staticSegments } from "../naming/cli-names.js";
import { ruleError, ruleValue, type DetectContext, type OperationInput } from "./context.js";
import { isArraySchema, isObjectSchema, itemsOf, normalise, schemaAt, showPath, type PropertyPath } from "./schema.js";

export type ListFound = { items: PropertyPath; itemSchema: unknown } | { reason: string };

/** Property names that hold a response's payload by convention. */
const PAYLOAD_NAMES = new Set([
  "data",
  "items",
  "results",
  "content",
  "records",
  "entries",
  "elements",
  "values",
  "list",
  "rows",
  "hits",
]);

export function findList(ctx: DetectContext, input: OperationInput): ListFound {
  const body = input.response.schema;
  const rule = ruleValue(ctx, input, "items", (path) => resolveItems(ctx, body, path) !== undefined);
  if (rule !== undefined) {
    const items = resolveItems(ctx, body, rule.value!);
    if (items === undefined)
      throw ruleError(input, `the ${input.response.status} body has no array at items ${showPath(rule.value!)}`);
    return { items, itemSchema: itemsOf(ctx.doc, schemaAt(ctx.doc, body, items)) };
  }
  if (isArraySchema(ctx.doc, body)) return { items: [], itemSchema: itemsOf(ctx.doc, body) };
  const variants = bodyVariants(ctx, body);
  if (variants.length > 0) return listOfVariants(ctx, input, variants);

  const props = schemaProperties(ctx.doc, body);
  const candidates: { path: string[]; schema: unknown }[] = [];
  for (const [name, schema] of props) {
    if (isArraySchema(ctx.doc, schema)) candidates.push({ path: [name], schema });
    else if (name === "_embedded") {
      for (const [rel, inner] of schemaProperties(ctx.doc, schema))
        if (isArraySchema(ctx.doc, inner)) candidates.push({ path: [name, rel], schema: inner });
    }
  }
  const found = (c: { path: string[]; schema: unknown }): ListFound => ({
    items: c.path,
    itemSchema: itemsOf(ctx.doc, c.schema),
  });
  const names = (list: typeof candidates) => list.map((c) => c.path.join(".")).join(", ");
  const where = `the ${input.response.status} body`;

  const named = candidates.filter((c) => namedAfterPath(c.path[c.path.length - 1]!, input.op.path));
  if (named.length === 1) return found(named[0]!);
  const payload = [...props].find(
    ([name, schema]) => PAYLOAD_NAMES.has(name) && !isArraySchema(ctx.doc, schema) && isObjectSchema(ctx.doc, schema),
  );
  if (payload) return { reason: `${where}'s ${JSON.stringify(payload[0])} is an object, not a list` };
  if (candidates.length === 0) return { reason: `${where} has no array` };

  if (/\}\/?$/.test(input.op.path) && candidates.every((c) => c.path[0] !== "_embedded")) {
    return {
      reason: `the path ends in a parameter (one resource), and the ${input.response.status} body's arrays (${names(candidates)}) are neither named after the path nor in _embedded; set items`,
    };
  }
  const arrays = candidates.filter((c) => !isLinkArray(ctx, c.schema));
  const isPayload = (c: { path: string[] }) => PAYLOAD_NAMES.has(c.path[c.path.length - 1]!);
  const lists = arrays.filter((c) => isPayload(c) || !ctx.envelope.has(c.path[0]!, itemsOf(ctx.doc, c.schema)));
  if (lists.length === 1) return found(lists[0]!);
  const payloads = lists.filter(isPayload);
  if (payloads.length === 1) return found(payloads[0]!);
  const leastShared = lists.length === 0 && arrays.length > 1 ? leastSharedOf(ctx, arrays) : undefined;
  if (leastShared) return found(leastShared);
  if (lists.length > 1)
    return {
      reason: `${where} has ${lists.length} arrays (${names(lists)}) and none is named after the path; set items`,
    };
  const why = candidates.map((c) =>
    isLinkArray(ctx, c.schema)
      ? `${c.path.join(".")} holds links`
      : `${c.path.join(".")} comes in the answers of ${ctx.envelope.paths(c.path[0]!, itemsOf(ctx.doc, c.schema))} paths`,
  );
  return { reason: `${where} has no list of its own (${why.join("; ")}); set items` };
}

/** The `oneOf`/`anyOf` variants of a body with no properties of its own (Telnyx's offset-or-cursor list bodies). */
function bodyVariants(ctx: DetectContext, body: unknown): unknown[] {
  const resolved = deref(ctx.doc, body);
  if (!isObject(resolved) || schemaProperties(ctx.doc, body).size > 0) return [];
  const variants = resolved.oneOf ?? resolved.anyOf;
  return Array.isArray(variants) ? variants : [];
}

/** The list every variant has at the same path, found as for a body of its own. */
function listOfVariants(ctx: DetectContext, input: OperationInput, variants: unknown[]): ListFound {
  const found = variants.map((schema) => findList(ctx, { ...input, response: { ...input.response, schema } }));
  const paths = new Set(found.map((f) => ("items" in f ? f.items.join(".") : "")));
  const first = found[0]!;
  if ("items" in first && paths.size === 1) return first;
  const why = found.find((f): f is { reason: string } => "reason" in f);
  return {
    reason: `the ${input.response.status} body is one of ${variants.length} bodies whose lists differ${why ? ` (${why.reason})` : ""}; set items`,
  };
}

/** Of arrays all in the envelope, the one far fewer paths carry (`objects` beside `errors`), if one is. */
function leastSharedOf(
  ctx: DetectContext,
  arrays: { path: string[]; schema: unknown }[],
): { path: string[]; schema: unknown } | undefined {
  const counted = arrays
    .map((c) => ({ c, paths: ctx.envelope.paths(c.path[0]!, itemsOf(ctx.doc, c.schema)) }))
    .sort((a, b) => a.paths - b.paths);
  return counted[0]!.paths * 2 <= counted[1]!.paths ? counted[0]!.c : undefined;
}

/** `path` resolved in the body (`*`: the one array property at that level), if it leads to an array. */
function resolveItems(ctx: DetectContext, body: unknown, path: PropertyPath): string[] | undefined {
  const out: string[] = [];
  let at = body;
  for (const part of path) {
    const props = schemaProperties(ctx.doc, at);
    const key = part === "*" ? onlyArray(ctx, props) : part;
    if (key === undefined || !props.has(key)) return undefined;
    out.push(key);
    at = props.get(key);
  }
  return isArraySchema(ctx.doc, at) ? out : undefined;
}

function onlyArray(ctx: DetectContext, props: Map<string, unknown>): string | undefined {
  const arrays = [...props].filter(([, schema]) => isArraySchema(ctx.doc, schema));
  return arrays.length === 1 ? arrays[0]![0] : undefined;
}

/** `pickups` for `/v1/pickups`, `directory_items` for `/directory_items.json`, `member` or `members` for `/members`. */
function namedAfterPath(name: string, path: string): boolean {
  const last = staticSegments(path).at(-1);
  if (last === undefined) return false;
  const segment = normalise(last.replace(/\.[a-z]+$/i, ""));
  const own = normalise(name);
  return own !== "" && (own === segment || `${own}s` === segment || own === `${segment}s`);
}

/** An array of link objects (`_links: [{ rel, href }]`). */
function isLinkArray(ctx: DetectContext, schema: unknown): boolean {
  return schemaProperties(ctx.doc, itemsOf(ctx.doc, schema)).has("href");
}
