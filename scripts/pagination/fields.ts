/**
 * Finding a field of a response by name where APIs put paging data: at the
 * top of the body, or one level down in an object beside the list (`meta`,
 * `pagination`, `paging`, `links`, ... whatever its name).
 */
import type { Locator } from "../../src/paginate/index.js";
import { schemaProperties } from "../spec/openapi-walk.js";
import type { DetectContext } from "./context.js";
import { isArraySchema, normalise, numberFields, schemaAt, type PropertyPath } from "./schema.js";

/**
 * The body's top, then its object properties other than the list, in the
 * spec's order (`skipLinks`: not `links`/`_links`); `nested`: then the
 * objects inside those (`meta.cursors`).
 */
export function containers(
  ctx: DetectContext,
  body: unknown,
  list: PropertyPath,
  options: { skipLinks?: boolean; nested?: boolean } = {},
): PropertyPath[] {
  const inside = (at: PropertyPath): PropertyPath[] => {
    const out: PropertyPath[] = [];
    for (const [name, schema] of schemaProperties(ctx.doc, schemaAt(ctx.doc, body, at))) {
      if ((at.length === 0 && name === list[0]) || isArraySchema(ctx.doc, schema)) continue;
      if (options.skipLinks && normalise(name) === "links") continue;
      if (schemaProperties(ctx.doc, schema).size > 0 || numberFields(ctx.doc, schema).length > 0)
        out.push([...at, name]);
    }
    return out;
  };
  const first = inside([]);
  return [[], ...first, ...(options.nested ? first.flatMap(inside) : [])];
}

/**
 * The first field, by the order of `names` (normalised, most specific
 * first), then by container, that `accept` takes.
 */
export function findField(
  ctx: DetectContext,
  body: unknown,
  list: PropertyPath,
  names: readonly string[],
  accept: (schema: unknown, container: PropertyPath, name: string) => boolean,
  options: { skipLinks?: boolean; nested?: boolean } = {},
): Locator | undefined {
  const fields = containers(ctx, body, list, options).map((container) => ({
    container,
    props: [...schemaProperties(ctx.doc, schemaAt(ctx.doc, body, container))],
  }));
  for (const wanted of names) {
    for (const { container, props } of fields) {
      const hit = props.find(([name, schema]) => normalise(name) === wanted && accept(schema, container, name));
      if (hit) return { body: [...container, hit[0]] };
    }
  }
  return undefined;
}
