/**
 * The columns `--format table` shows for a paginated command, from the
 * schema of the list's items (found by the paging plan through the `items`
 * path, a bare array included; documented in the README). An `x-cli-columns` array on the
 * operation wins. Otherwise: the item's scalar properties (for a
 * `oneOf`/`anyOf` item, those all branches share) (string, number,
 * integer, boolean, nullable or not), without constants (a one-value enum
 * such as `record_type`) and references to other resources (`*_id`, `*Id`);
 * ordered `id`, `name`, then enums, then date-times, then the rest in spec
 * order; at most MAX_COLUMNS. The CLI drops columns from the end when the
 * terminal is too narrow.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { GenerateError } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { deref, isObject, schemaProperties, schemaTypes } from "../spec/openapi-walk.js";
import type { PagedOperation } from "../pagination/index.js";

export const MAX_COLUMNS = 6;

const SCALARS = new Set(["string", "number", "integer", "boolean"]);

export function tableColumns(doc: OpenApiDocument, paged: PagedOperation, file: string): string[] {
  const override = paged.op.operation["x-cli-columns"];
  if (override !== undefined) {
    if (
      !Array.isArray(override) ||
      override.length === 0 ||
      !override.every((c) => typeof c === "string" && c !== "")
    ) {
      throw new GenerateError("x-cli-columns must be a non-empty array of property names", {
        file,
        pointer: pointerOf(["paths", paged.op.path, paged.op.method, "x-cli-columns"]),
      });
    }
    return override as string[];
  }
  const item = paged.itemSchema;
  const rank = (name: string, schema: unknown): number => {
    const s = deref(doc, schema);
    if (name === "id") return 0;
    if (name === "name") return 1;
    if (isObject(s) && Array.isArray(s.enum)) return 2;
    if (isObject(s) && s.format === "date-time") return 3;
    return 4;
  };
  const candidates = [...itemProperties(doc, item)].filter(([name, schema]) => isColumn(doc, name, schema));
  return candidates
    .map(([name, schema], index) => ({ name, rank: rank(name, schema), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, MAX_COLUMNS)
    .map((c) => c.name);
}

function isColumn(doc: OpenApiDocument, name: string, schema: unknown): boolean {
  const s = deref(doc, schema);
  const types = schemaTypes(doc, s).filter((t) => t !== "null");
  if (types.length === 0 || !types.every((t) => SCALARS.has(t))) return false;
  if (isObject(s) && Array.isArray(s.enum) && s.enum.filter((v) => v !== null).length === 1) return false;
  if (isObject(s) && s.const !== undefined) return false;
  return !/(?:_id|[a-z\d]Id)$/.test(name);
}

/** The item's properties; for a `oneOf`/`anyOf` item, those every branch has (in the first branch's order). */
function itemProperties(doc: OpenApiDocument, item: unknown): Map<string, unknown> {
  const own = schemaProperties(doc, item);
  const resolved = deref(doc, item);
  const branches = isObject(resolved)
    ? Array.isArray(resolved.oneOf)
      ? resolved.oneOf
      : Array.isArray(resolved.anyOf)
        ? resolved.anyOf
        : []
    : [];
  if (own.size > 0 || branches.length === 0) return own;
  const [first, ...rest] = branches.map((b) => schemaProperties(doc, b));
  return new Map([...first!].filter(([name]) => rest.every((props) => props.has(name))));
}
