/**
 * The shape of a value: oneOf/anyOf members, `allOf` parts and the `items`
 * schema added or removed, and how open an object is to extra keys
 * (`additionalProperties`).
 */
import type { FoundChange } from "./change.js";
import type { RuleId } from "./rules.js";
import { after, before, objectOr, one, refName, rule, type Group, type Lookup } from "./schema-group.js";

const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "discriminator",
  "deprecated",
  "externalDocs",
  "xml",
  "readOnly",
  "writeOnly",
  "default",
]);

export function unions(group: Group, lookup: Lookup): FoundChange[] {
  const { site, place } = group;
  return group.diffs.flatMap((diff) => {
    if (place.key.length === 0) {
      // The whole oneOf/anyOf appeared or went: another shape of type.
      return one(
        { ...group, diffs: [diff] },
        rule(site, "type-changed"),
        `${place.keyword} ${diff.action === "add" ? "added" : "removed"}`,
      );
    }
    if (diff.action === "replace") return [];
    const added = diff.action === "add";
    // An object that may now also be a string (or a number, an array...): every read of its fields stops compiling.
    const scalar = added && site.direction === "response" ? scalarType(diff.after) : undefined;
    if (scalar !== undefined && wasObjectOnly(lookup.node("base", [...site.locatePath, ...place.position]))) {
      return one(
        { ...group, diffs: [diff] },
        rule(site, "type-changed"),
        `${place.keyword} member added: an object, now also \`${scalar}\` (reads of its fields no longer compile)`,
      );
    }
    const id: RuleId =
      site.direction === "request"
        ? added
          ? "request-union-member-added"
          : "request-union-member-removed"
        : added
          ? "response-union-member-added"
          : "response-union-member-removed";
    return one(
      { ...group, diffs: [diff] },
      id,
      `${place.keyword} member ${added ? "added" : "removed"}${refName(added ? diff.after : diff.before)}`,
    );
  });
}

/** The type of a schema that is not an object (`string`, `array`...), if it says one. */
function scalarType(schema: unknown): string | undefined {
  const type = objectOr(schema).type;
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
  return types.length > 0 && !types.includes("object") ? types.join(" | ") : undefined;
}

/** The base schema is an object, or a union of objects only (so its fields can be read). */
function wasObjectOnly(schema: unknown): boolean {
  const node = objectOr(schema);
  const members = [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
  if (members.length > 0) return members.every((m) => scalarType(m) === undefined);
  // An allOf of objects (a `$ref` part of an allOf names an object in practice) is an object.
  const parts = Array.isArray(node.allOf) ? node.allOf : [];
  if (node.type === undefined && parts.length > 0) return parts.every((part) => scalarType(part) === undefined);
  return (
    node.type === "object" ||
    (node.type === undefined && typeof node.properties === "object" && node.properties !== null)
  );
}

/** An `allOf` part or the `items` schema added or removed: more constraints (narrower) or fewer (wider). */
export function shapeParts(group: Group): FoundChange[] {
  const { site, place } = group;
  return group.diffs.flatMap((diff) => {
    if (diff.action === "replace") return [];
    const value = diff.action === "add" ? diff.after : diff.before;
    if (place.keyword === "allOf" && Object.keys(objectOr(value)).every((k) => ANNOTATIONS.has(k))) return [];
    const narrower = diff.action === "add";
    const id =
      site.direction === "request"
        ? narrower
          ? "type-changed"
          : "type-widened"
        : narrower
          ? "type-narrowed"
          : "type-changed";
    return one(
      { ...group, diffs: [diff] },
      rule(site, id),
      `${place.keyword}${place.key.length > 0 ? ` part` : ""} ${diff.action === "add" ? "added" : "removed"}${refName(value)}`,
    );
  });
}

/** additionalProperties as an openness level: closed (absent or false) < typed (a schema) < open (true or {}). */
export function additional(group: Group): FoundChange[] {
  const { site } = group;
  const level = (value: unknown) =>
    value === undefined || value === false ? 0 : value === true || Object.keys(objectOr(value)).length === 0 ? 2 : 1;
  const [was, now] = [level(before(group)), level(after(group))];
  if (was === now) return [];
  const message = `additionalProperties ${["closed", "typed", "open"][was]} -> ${["closed", "typed", "open"][now]}`;
  if (site.direction === "request")
    return one(
      group,
      now < was ? "request-additional-properties-narrowed" : "request-additional-properties-widened",
      message,
    );
  const id: RuleId =
    now === 0
      ? "response-additional-properties-removed"
      : was === 0
        ? "response-additional-properties-added"
        : now > was
          ? "response-additional-properties-widened"
          : "response-additional-properties-narrowed";
  return one(group, id, message);
}
