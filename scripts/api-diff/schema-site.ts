/**
 * A schema the client writes (a parameter's, a request body's) or reads (a
 * response body's), and a path inside it split into the field it names (as
 * code reads it) and the keyword that changed:
 * `properties/data/items/properties/provider/enum/4` is field
 * `data[].provider`, keyword `enum`, key 4.
 */
import type { PathToken } from "./engine.js";
import type { LocatePath } from "./locate.js";

export type Direction = "request" | "response";

export interface SchemaSite {
  /** `GET /voice_clones`. */
  operation: string;
  direction: Direction;
  /** `query parameter \`sort\``, `request body (application/json)`, `200 response (application/json)`. */
  where: string;
  /** The schema is a parameter's (its own changes then use the parameter rules). */
  parameter: boolean;
  /** The schema's place, as the engine reports it (for the peer's verdicts). */
  enginePath: PathToken[];
  /** The schema's place, for locating it (parameters by name). */
  locatePath: LocatePath;
}

export interface SchemaPlace {
  /** Field names from the schema's root: `["data", "[]", "provider"]`. */
  field: string[];
  /** Engine path tokens from the schema's root to the schema holding the keyword. */
  position: PathToken[];
  keyword: string;
  /** Tokens after the keyword: a property name, an array index. */
  key: PathToken[];
}

const COMBINERS = new Set(["oneOf", "anyOf", "allOf"]);

/** Splits a path inside a schema at the last keyword that is not a step into a sub-schema. */
export function splitSchemaPath(tokens: readonly PathToken[]): SchemaPlace {
  const field: string[] = [];
  let i = 0;
  for (;;) {
    const token = tokens[i];
    const rest = tokens.length - i;
    if (token === "properties" && rest > 2) {
      field.push(String(tokens[i + 1]));
      i += 2;
    } else if (token === "items" && rest > 1) {
      field.push("[]");
      i += 1;
    } else if (token === "additionalProperties" && rest > 1) {
      field.push("*");
      i += 1;
    } else if (token === "prefixItems" && rest > 2) {
      field.push(`[${String(tokens[i + 1])}]`);
      i += 2;
    }
    // Code reads a field the same way whichever oneOf/anyOf/allOf part declares it: parts are not fields.
    else if (token === "not" && rest > 1) i += 1;
    else if (typeof token === "string" && COMBINERS.has(token) && rest > 2) i += 2;
    else break;
  }
  return { field, position: tokens.slice(0, i), keyword: String(tokens[i] ?? ""), key: tokens.slice(i + 1) };
}

/** `data[].provider`, as code reads it. */
export function fieldLabel(field: readonly string[]): string {
  return field.reduce(
    (label, part) => (part.startsWith("[") ? `${label}${part}` : label === "" ? part : `${label}.${part}`),
    "",
  );
}

/** How a message names a field of a site: "`data[].name` in the 200 response (application/json)", or the site itself. */
export function subjectOf(site: SchemaSite, field: readonly string[]): string {
  const label = fieldLabel(field);
  if (label === "") return site.parameter ? site.where : `the ${site.where}`;
  return site.parameter ? `\`${label}\` of ${site.where}` : `\`${label}\` in the ${site.where}`;
}
