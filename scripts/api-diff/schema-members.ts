/**
 * Which fields an object has, and which it must have: properties added or
 * removed and `required` entries, judged together (a property added with its
 * `required` entry is a new required property), and defaults, which
 * openapi-typescript turns into required properties of the generated type.
 */
import type { FoundChange } from "./change.js";
import type { EngineDiff } from "./engine.js";
import { worstPeer } from "./peer.js";
import type { RuleId } from "./rules.js";
import { foundChange, objectOr, one, show, splitKeyword, type Group, type Lookup } from "./schema-group.js";
import { subjectOf } from "./schema-site.js";

/** Properties added or removed, and `required` entries, of one object schema. */
export function members(group: Group): FoundChange[] {
  const added = new Map<string, EngineDiff[]>();
  const removed = new Map<string, EngineDiff[]>();
  const required = { added: new Map<string, EngineDiff[]>(), removed: new Map<string, EngineDiff[]>() };
  const note = (map: Map<string, EngineDiff[]>, name: string, diff: EngineDiff) =>
    map.set(name, [...(map.get(name) ?? []), diff]);
  const names = (value: unknown) =>
    Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
  for (const diff of group.diffs) {
    if (splitKeyword(group, diff) === "properties") {
      // One property (`properties/<name>`), or the whole `properties` object.
      const whole = diff.path[diff.path.length - 1] === "properties";
      const name = (value: unknown) =>
        whole ? Object.keys(objectOr(value)) : [String(diff.path[diff.path.length - 1])];
      if (diff.action === "add") for (const n of name(diff.after)) note(added, n, diff);
      if (diff.action === "remove") for (const n of name(diff.before)) note(removed, n, diff);
    } else {
      // A `required` entry, or the whole array.
      const [was, now] = [names(diff.before), names(diff.after)];
      for (const n of now) if (!was.includes(n)) note(required.added, n, diff);
      for (const n of was) if (!now.includes(n)) note(required.removed, n, diff);
    }
  }
  const { site, place } = group;
  const out: FoundChange[] = [];
  const at = (name: string, side: "head" | "base", diffs: EngineDiff[]) => ({
    side,
    path: [...site.locatePath, ...place.position, "properties", name],
    peer: worstPeer(diffs.map((d) => d.peer)),
  });
  for (const [name, diffs] of added) {
    const isRequired = required.added.has(name);
    const id: RuleId =
      site.direction === "request"
        ? isRequired
          ? "new-required-request-property"
          : "new-optional-request-property"
        : isRequired
          ? "response-required-property-added"
          : "response-optional-property-added";
    const { side, path, peer } = at(name, "head", [...diffs, ...(required.added.get(name) ?? [])]);
    out.push(
      foundChange(
        site,
        id,
        `${subjectOf(site, [...place.field, name])}: added${isRequired ? " (required)" : ""}`,
        side,
        path,
        peer,
      ),
    );
  }
  for (const [name, diffs] of removed) {
    const { side, path, peer } = at(name, "base", [...diffs, ...(required.removed.get(name) ?? [])]);
    out.push(
      foundChange(
        site,
        site.direction === "request" ? "request-property-removed" : "response-property-removed",
        `${subjectOf(site, [...place.field, name])}: removed`,
        side,
        path,
        peer,
      ),
    );
  }
  for (const [name, diffs] of required.added) {
    if (added.has(name)) continue;
    const { side, path, peer } = at(name, "head", diffs);
    out.push(
      foundChange(
        site,
        site.direction === "request" ? "request-property-became-required" : "response-property-became-required",
        `${subjectOf(site, [...place.field, name])}: became required`,
        side,
        path,
        peer,
      ),
    );
  }
  for (const [name, diffs] of required.removed) {
    if (removed.has(name)) continue;
    const { side, path, peer } = at(name, "head", diffs);
    out.push(
      foundChange(
        site,
        site.direction === "request" ? "request-property-became-optional" : "response-property-became-optional",
        `${subjectOf(site, [...place.field, name])}: became optional`,
        side,
        path,
        peer,
      ),
    );
  }
  return out;
}

/**
 * A default added to or removed from an optional property: the generated
 * type makes a property with a default non-optional where the client only
 * receives it (responses), and keeps it optional where the client sends it
 * (requests; scripts/steps/request-types.ts).
 */
export function defaults(group: Group, lookup: Lookup): FoundChange[] {
  const { site, place } = group;
  const [properties, name] = place.position.slice(-2);
  const diff = group.diffs[0]!;
  if (properties !== "properties" || typeof name !== "string" || diff.action === "replace") return [];
  const added = diff.action === "add";
  const object = [...site.locatePath, ...place.position.slice(0, -2)];
  const side = added ? "head" : "base";
  const parts = [object, ...allOfParts(lookup.node(side, object)).map((k) => [...object, "allOf", k])];
  if (parts.some((path) => requiredNames(lookup.node(side, path)).includes(name))) return []; // already required: the type does not change
  if (!defaultsMakeRequired(lookup.pointer(side, [...object, "properties", name]))) return []; // the type does not change

  const id: RuleId =
    site.direction === "request"
      ? added
        ? "request-property-default-added"
        : "request-property-default-removed"
      : added
        ? "response-property-default-added"
        : "response-property-default-removed";
  return one(group, id, added ? `default ${show(diff.after)} added` : `default ${show(diff.before)} removed`);
}

/**
 * openapi-typescript applies `defaultNonNullable` only to objects written
 * outside parameters and request bodies: it tests the pointer of the object
 * being written (not where it is used) for "parameters", "requestBody" and
 * "requestBodies" (transform/schema-object.ts). `propertyPointer` is where
 * the property is written; its object is what precedes `/properties/<name>`.
 */
function defaultsMakeRequired(propertyPointer: string): boolean {
  const object = propertyPointer.slice(0, propertyPointer.lastIndexOf("/properties/"));
  return !["parameters", "requestBody", "requestBodies"].some((word) => object.includes(word));
}

function allOfParts(node: unknown): number[] {
  const parts = objectOr(node).allOf;
  return Array.isArray(parts) ? parts.map((_, k) => k) : [];
}

function requiredNames(node: unknown): string[] {
  const required = objectOr(node).required;
  return Array.isArray(required) ? required.map(String) : [];
}
