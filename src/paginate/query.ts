/**
 * The query of one page request: the operation's query with the parameters
 * the page style sets (page number, offset or cursor, and the page size).
 * A name of the spec's deepObject parameter (`page[number]` when
 * `spec.deepObject` is `page`) is set as a property of that object, beside
 * what the caller put there (`{ page: { size: 20, number: 2 } }`); openapi-fetch
 * sends it as `page[number]=2&page[size]=20`. A caller's flat `page[size]`
 * key is read too.
 */
import type { PageSpec } from "./types.js";

/** `number` for `page[number]` when `page` is the spec's deepObject parameter. */
function propertyOf(spec: PageSpec, name: string): string | undefined {
  const object = spec.deepObject;
  return object !== undefined && name.startsWith(`${object}[`) && name.endsWith("]")
    ? name.slice(object.length + 1, -1)
    : undefined;
}

/** `query` with `values` set (by their spec names), as a new object. */
export function queryWith(
  spec: PageSpec,
  query: object | undefined,
  values: Readonly<Record<string, string | number>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const [name, value] of Object.entries(values)) {
    const property = propertyOf(spec, name);
    if (property === undefined) {
      out[name] = value;
      continue;
    }
    const object = spec.deepObject!;
    const held = out[object];
    out[object] = { ...(typeof held === "object" && held !== null ? held : {}), [property]: value };
    delete out[name];
  }
  return out;
}

/** The value the caller's query gives for a spec name (`page[size]`: `query.page.size`, else a flat `page[size]` key). */
export function queryValue(spec: PageSpec, query: object | undefined, name: string): unknown {
  const flat = query as Record<string, unknown> | undefined;
  const property = propertyOf(spec, name);
  if (property !== undefined) {
    const held = flat?.[spec.deepObject!];
    const value = typeof held === "object" && held !== null ? (held as Record<string, unknown>)[property] : undefined;
    if (value !== undefined) return value;
  }
  return flat?.[name];
}
